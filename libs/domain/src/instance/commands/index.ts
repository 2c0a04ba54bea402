import { MarkInstanceLostCommand } from './mark-instance-lost.command';
import { MarkStaleInstanceLostCommand } from './mark-stale-instance-lost.command';
import { RecordInstanceStateCommand } from './record-instance-state.command';
import { RequestInstanceStartCommand } from './request-instance-start.command';
import { RequestInstanceStopCommand } from './request-instance-stop.command';

export * from './mark-instance-lost.command';
export * from './mark-stale-instance-lost.command';
export * from './record-instance-state.command';
export * from './request-instance-start.command';
export * from './request-instance-stop.command';

export type InstanceCommand =
  | RequestInstanceStartCommand
  | RecordInstanceStateCommand
  | RequestInstanceStopCommand
  | MarkInstanceLostCommand
  | MarkStaleInstanceLostCommand;
