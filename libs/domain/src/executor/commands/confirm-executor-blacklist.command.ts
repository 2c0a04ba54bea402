// Sent by the blacklisting saga once the executor's instances have moved away (Drove then sends BLACKLIST).
export interface ConfirmExecutorBlacklistCommand {
  type: 'ConfirmExecutorBlacklist';
  executorId: string;
  at: number;
}
