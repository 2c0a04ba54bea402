import { RecordLeadershipCommand } from './record-leadership.command';
import { SetMaintenanceModeCommand } from './set-maintenance-mode.command';
import { UnsetMaintenanceModeCommand } from './unset-maintenance-mode.command';

export * from './record-leadership.command';
export * from './set-maintenance-mode.command';
export * from './unset-maintenance-mode.command';

export type ClusterCommand =
  SetMaintenanceModeCommand | UnsetMaintenanceModeCommand | RecordLeadershipCommand;
