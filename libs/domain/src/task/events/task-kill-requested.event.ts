import { DomainEvent } from '../../common/event';

export type TaskKillRequestedEvent = DomainEvent<
  'TaskKillRequested',
  { taskRunId: string; instanceId: string; executorId?: string; at: number }
>;
