import { ClusterOpSpecJson, TaskSpecJson } from '../../common/wire-types';

// `instanceId` (TI-...) is drawn by the handler from the injected IdGenerator.
export interface CreateTaskCommand {
  type: 'CreateTask';
  spec: TaskSpecJson;
  opSpec: ClusterOpSpecJson;
  instanceId: string;
  at: number;
}
