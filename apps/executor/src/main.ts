import 'reflect-metadata';
import { ConfigError, readConfigFile } from '@drove/config';
import { ExecutorConfig } from './config/executor-config';
import { startExecutor } from './executor-app';

const SHUTDOWN_GRACE_MS = 10000;

function start(): void {
  let config: ExecutorConfig;
  try {
    config = readConfigFile(ExecutorConfig, process.argv, process.env, 'DROVE_EXECUTOR_CONFIG');
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`drove executor: ${err.message}\n`);
    process.exit(2);
  }
  startExecutor(config)
    .then((executor) => {
      // Containers keep running: the next start recovers them from their labels.
      const stop = () => {
        // A stop stuck on a dead peer must not keep the process (and its ports) alive under a supervisor.
        setTimeout(() => {
          process.stderr.write(
            `drove executor: shutdown did not finish within ${SHUTDOWN_GRACE_MS} ms; exiting\n`,
          );
          process.exit(1);
        }, SHUTDOWN_GRACE_MS).unref();
        void executor.stop().finally(() => process.exit(0));
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    })
    .catch((err: unknown) => {
      process.stderr.write(
        `drove executor: failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
      );
      process.exit(1);
    });
}

start();
