import { ResourceAllocationJson } from '../instance/instance-info';
import { TaskResultStatus, TaskState } from './task-state';

export interface TaskResultJson {
  status: TaskResultStatus;
  exitCode: number;
}

// Drove's TaskInfo as executors report it.
export interface TaskInfoJson {
  sourceAppName: string;
  taskId: string;
  instanceId: string;
  executorId: string;
  hostname: string;
  executable: { type?: string; url: string; dockerPullTimeout: string };
  resources: ResourceAllocationJson[];
  volumes?: unknown[];
  loggingSpec?: unknown;
  env?: Record<string, string>;
  state: TaskState;
  metadata: Record<string, string>;
  taskResult?: TaskResultJson;
  errorMessage: string;
  created: number;
  updated: number;
}
