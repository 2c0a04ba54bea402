import { CreateTaskCommand } from './create-task.command';
import { DeleteTaskCommand } from './delete-task.command';
import { KillTaskCommand } from './kill-task.command';
import { MarkStaleTaskLostCommand } from './mark-stale-task-lost.command';
import { RecordTaskStateCommand } from './record-task-state.command';

export * from './create-task.command';
export * from './delete-task.command';
export * from './kill-task.command';
export * from './mark-stale-task-lost.command';
export * from './record-task-state.command';

export type TaskCommand =
  CreateTaskCommand | RecordTaskStateCommand | KillTaskCommand | MarkStaleTaskLostCommand | DeleteTaskCommand;
