import { AnyInstanceInfoJson } from '../instance-info';

// An executor state report (or snapshot entry) for one instance.
export interface RecordInstanceStateCommand {
  type: 'RecordInstanceState';
  info: AnyInstanceInfoJson;
  at: number;
}
