import { DomainEvent } from '../../common/event';

export type ExecutorUnblacklistedEvent = DomainEvent<
  'ExecutorUnblacklisted',
  { executorId: string; at: number }
>;
