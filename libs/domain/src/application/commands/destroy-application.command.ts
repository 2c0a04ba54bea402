import { ClusterOpSpecJson } from '../../common/wire-types';

export interface DestroyApplicationCommand {
  type: 'DestroyApplication';
  appId: string;
  opSpec: ClusterOpSpecJson;
  at: number;
}
