import { DomainEvent } from '../../common/event';
import { ApplicationSpecJson } from '../../common/wire-types';

// The app exists (state INIT) with its spec and expected instance count.
export type ApplicationCreatedEvent = DomainEvent<
  'ApplicationCreated',
  { appId: string; spec: ApplicationSpecJson; instances: number; at: number }
>;
