import { LocalServiceSpecJson } from '../../common/wire-types';

export interface CreateLocalServiceCommand {
  type: 'CreateLocalService';
  spec: LocalServiceSpecJson;
  instancesPerHost: number;
  at: number;
}
