import { ClusterOpSpecJson } from '../../common/wire-types';

// Drove turns START_INSTANCES(n) into SCALE(healthy + n); the handler supplies the healthy count from the view.
export interface StartApplicationInstancesCommand {
  type: 'StartApplicationInstances';
  appId: string;
  instances: number;
  opSpec: ClusterOpSpecJson;
  healthyInstances: number;
  at: number;
}
