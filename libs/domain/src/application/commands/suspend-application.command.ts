import { ClusterOpSpecJson } from '../../common/wire-types';

export interface SuspendApplicationCommand {
  type: 'SuspendApplication';
  appId: string;
  opSpec: ClusterOpSpecJson;
  at: number;
}
