export interface RemoveExecutorCommand {
  type: 'RemoveExecutor';
  executorId: string;
  at: number;
}
