import { DomainEvent } from '../../common/event';

// State OUTAGE_DETECTED: a RECOVER was accepted; always followed by ApplicationScalingRequested.
export type ApplicationOutageDetectedEvent = DomainEvent<
  'ApplicationOutageDetected',
  { appId: string; at: number }
>;
