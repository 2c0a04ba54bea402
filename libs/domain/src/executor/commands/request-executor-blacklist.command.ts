export interface RequestExecutorBlacklistCommand {
  type: 'RequestExecutorBlacklist';
  executorId: string;
  at: number;
}
