import { readConfigFile } from '@drove/config';
import { hostname } from 'node:os';
import { ControllerConfig } from '../../apps/controller/src/config/controller-config';
import { ExecutorConfig } from '../../apps/executor/src/config/executor-config';
import { clusterSettings, shellAssignments } from './cluster-settings';
import { CONTAINER_LINE_FORMAT, containersOfExecutor } from './executor-containers';

// The parts of cluster.sh and cluster-down.sh that need the configs read exactly as the processes read them.
//   settings <controller.yml> <controller-2.yml> <executor.yml>   bash assignments for eval
//   container-format                                              the `docker ps --format` for `containers`
//   containers <executorId>                                       stdin: `docker ps` lines; stdout: that executor's ids

function read<T extends object>(type: new () => T, file: string): T {
  return readConfigFile(type, ['--config', file], process.env, 'UNUSED');
}

async function main([command, ...args]: string[]): Promise<string> {
  switch (command) {
    case 'settings': {
      const [first, second, executor] = args;
      const controllers = [read(ControllerConfig, first), read(ControllerConfig, second)];
      return shellAssignments(clusterSettings(controllers, read(ExecutorConfig, executor), hostname()));
    }
    case 'container-format':
      return CONTAINER_LINE_FORMAT;
    case 'containers': {
      let input = '';
      for await (const chunk of process.stdin) input += String(chunk);
      return containersOfExecutor(input, args[0]).join('\n');
    }
    default:
      throw new Error(`unknown command '${command}': settings | container-format | containers`);
  }
}

main(process.argv.slice(2)).then(
  (out) => {
    if (out) console.log(out);
  },
  (err: unknown) => {
    console.error(`cluster-helper: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
