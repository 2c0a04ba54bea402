import { DomainEvent } from '../../common/event';
import { LocalServiceSpecJson } from '../../common/wire-types';

// A new service starts INACTIVE, as in Drove.
export type LocalServiceCreatedEvent = DomainEvent<
  'LocalServiceCreated',
  { serviceId: string; spec: LocalServiceSpecJson; instancesPerHost: number; at: number }
>;
