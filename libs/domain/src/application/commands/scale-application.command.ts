import { ClusterOpSpecJson } from '../../common/wire-types';

export interface ScaleApplicationCommand {
  type: 'ScaleApplication';
  appId: string;
  requiredInstances: number;
  opSpec: ClusterOpSpecJson;
  at: number;
}
