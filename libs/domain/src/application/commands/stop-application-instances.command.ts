import { ClusterOpSpecJson } from '../../common/wire-types';

// `activeInstanceIds` (from the view) lets the decider reject ids that are not running, as Drove does.
export interface StopApplicationInstancesCommand {
  type: 'StopApplicationInstances';
  appId: string;
  instanceIds: string[];
  skipRespawn: boolean;
  opSpec: ClusterOpSpecJson;
  activeInstanceIds: string[];
  at: number;
}
