import { ClusterOpSpecJson, TaskSpecJson } from '../common/wire-types';
import { TaskInfoJson } from './task-info';
import { TaskState } from './task-state';

export interface TaskAggregate {
  // `<sourceAppName>-<taskId>`, the id Drove returns on CREATE
  taskRunId?: string;
  sourceAppName?: string;
  taskId?: string;
  instanceId?: string;
  spec?: TaskSpecJson;
  opSpec?: ClusterOpSpecJson;
  state?: TaskState;
  info?: TaskInfoJson;
  killRequested: boolean;
  deleted: boolean;
  created?: number;
  updated?: number;
}

export const initialTaskState: TaskAggregate = { killRequested: false, deleted: false };

export const taskStream = (sourceAppName: string, taskId: string): string =>
  `task-${sourceAppName}-${taskId}`;

export const taskExists = (s: TaskAggregate): boolean => s.taskRunId !== undefined && !s.deleted;
