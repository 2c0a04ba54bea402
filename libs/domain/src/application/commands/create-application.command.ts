import { ApplicationSpecJson, ClusterOpSpecJson } from '../../common/wire-types';

// `spec` and `opSpec` are the parsed DTOs or their wire form; events store the wire form.
export interface CreateApplicationCommand {
  type: 'CreateApplication';
  spec: ApplicationSpecJson;
  instances: number;
  opSpec: ClusterOpSpecJson;
  at: number;
}
