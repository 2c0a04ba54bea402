import { DomainEvent } from '../../common/event';
import { ExecutorState, TransportType } from '../executor-aggregate';

export type ExecutorAddedEvent = DomainEvent<
  'ExecutorAdded',
  {
    executorId: string;
    hostname: string;
    port: number;
    transportType: TransportType;
    tags: string[];
    state: ExecutorState;
    at: number;
  }
>;
