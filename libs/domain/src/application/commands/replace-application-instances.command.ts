import { ClusterOpSpecJson } from '../../common/wire-types';

// Empty `instanceIds` means every healthy instance; `healthyInstanceIds` comes from the view.
export interface ReplaceApplicationInstancesCommand {
  type: 'ReplaceApplicationInstances';
  appId: string;
  instanceIds: string[];
  stopFirst: boolean;
  opSpec: ClusterOpSpecJson;
  healthyInstanceIds: string[];
  at: number;
}
