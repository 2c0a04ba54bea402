import { DomainEvent } from '../../common/event';
import { ExecutorState } from '../executor-aggregate';

// The executor reported a different state of its own (UNREADY -> ACTIVE, ...).
export type ExecutorStateChangedEvent = DomainEvent<
  'ExecutorStateChanged',
  { executorId: string; state: ExecutorState; previousState?: ExecutorState; at: number }
>;
