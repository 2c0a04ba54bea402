export interface UnblacklistExecutorCommand {
  type: 'UnblacklistExecutor';
  executorId: string;
  at: number;
}
