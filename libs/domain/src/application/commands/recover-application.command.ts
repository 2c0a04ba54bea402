import { ClusterOpSpecJson } from '../../common/wire-types';

// Issued by the recovery saga when the healthy count differs from the expected one (Drove's ApplicationMonitor).
export interface RecoverApplicationCommand {
  type: 'RecoverApplication';
  appId: string;
  opSpec: ClusterOpSpecJson;
  at: number;
}
