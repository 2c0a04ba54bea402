import { ConfirmExecutorBlacklistCommand } from './confirm-executor-blacklist.command';
import { RecordExecutorSnapshotCommand } from './record-executor-snapshot.command';
import { RemoveExecutorCommand } from './remove-executor.command';
import { RequestExecutorBlacklistCommand } from './request-executor-blacklist.command';
import { UnblacklistExecutorCommand } from './unblacklist-executor.command';

export * from './confirm-executor-blacklist.command';
export * from './record-executor-snapshot.command';
export * from './remove-executor.command';
export * from './request-executor-blacklist.command';
export * from './unblacklist-executor.command';

export type ExecutorCommand =
  | RecordExecutorSnapshotCommand
  | RemoveExecutorCommand
  | RequestExecutorBlacklistCommand
  | ConfirmExecutorBlacklistCommand
  | UnblacklistExecutorCommand;
