import { InstancePortInfo } from '../containers/executor-instance-info';
import { ContainerRuntime } from '../runtime/container-runtime.port';
import { CheckMode, Checker } from './check-spec';
import { CmdChecker } from './cmd-checker';
import { HttpChecker } from './http-checker';

export interface CheckTarget {
  containerId: string;
  ports: Record<string, InstancePortInfo>;
}

// Hollow executors replace this with simulated checkers: their host ports are not real sockets.
export type CheckerFactory = (mode: CheckMode, target: CheckTarget, timeoutMs: number) => Checker;

export function containerCheckers(runtime: ContainerRuntime): CheckerFactory {
  return (mode, target, timeoutMs) => {
    if (mode.type === 'CMD') return new CmdChecker(runtime, target.containerId, mode, timeoutMs);
    const port = target.ports[mode.portName];
    if (!port) {
      return {
        check: async () => ({ healthy: false, message: `No port named ${mode.portName} on the instance` }),
      };
    }
    return new HttpChecker(mode, port.hostPort, timeoutMs);
  };
}
