import { ClusterOpSpecJson } from '../../common/wire-types';

export interface KillTaskCommand {
  type: 'KillTask';
  sourceAppName: string;
  taskId: string;
  opSpec: ClusterOpSpecJson;
  at: number;
}
