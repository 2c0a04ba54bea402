import { CheckerFactory } from '../checks/checker-factory';
import { ContainerLauncher } from '../containers/container-launcher';
import { ContainerSpec } from '../containers/container-spec';
import { RotatingLogFile } from '../logs/rotating-log-file';
import { ContainerRuntime } from '../runtime/container-runtime.port';
import { ResourceLocks } from './resource-locks';
import { StateRecord } from './state-record';

// What every instance and task runner shares on one executor.
export interface EngineContext {
  runtime: ContainerRuntime;
  launcher: ContainerLauncher;
  checkers: CheckerFactory;
  locks: ResourceLocks;
  // Opens the rotating output.log of an instance (per its LoggingSpec); undefined: output not kept (hollow
  // executors in scale tests).
  logFile: (spec: ContainerSpec) => RotatingLogFile | undefined;
  // `docker stop` grace before SIGKILL.
  stopGraceSeconds: number;
  now: () => number;
  // Every state change, at once.
  onChange: (record: StateRecord) => void;
}
