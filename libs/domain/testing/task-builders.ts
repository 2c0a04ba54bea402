import { TaskSpecJson } from '../src/common/wire-types';
import { TaskInfoJson } from '../src/task/task-info';
import { TaskState } from '../src/task/task-state';
import { opSpecJson, taskSpecJson } from '../src/testing/spec-fixtures';

export const TASK_INSTANCE_ID = 'TI-00000000-0000-4000-8000-000000000001';

export const taskSpec = (): TaskSpecJson => taskSpecJson() as TaskSpecJson;
export const taskOpSpec = opSpecJson;

export const taskInfo = (
  state: TaskState,
  updated: number,
  patch: Partial<TaskInfoJson> = {},
): TaskInfoJson => ({
  sourceAppName: 'test-app',
  taskId: 'T0001',
  instanceId: TASK_INSTANCE_ID,
  executorId: 'exec-1',
  hostname: 'h1',
  executable: { type: 'DOCKER', url: 'drove-test/task:latest', dockerPullTimeout: '100 seconds' },
  resources: [{ type: 'CPU', cores: { '0': [1] } }],
  state,
  metadata: {},
  errorMessage: '',
  created: 1,
  updated,
  ...patch,
});
