import { DomainEvent } from '../../common/event';

/**
 * Drove's safety stop (AdjustInstancesLocalServiceAction): an ADJUST_INSTANCES cancelled while the service is
 * ACTIVE or CONFIG_TESTING ends there, and the service is parked in EMERGENCY_DEACTIVATION_REQUESTED with its
 * activation state unchanged: nothing adjusts its instances any more, and only DEACTIVATE is accepted.
 */
export type LocalServiceEmergencyDeactivationRequestedEvent = DomainEvent<
  'LocalServiceEmergencyDeactivationRequested',
  { serviceId: string; cancelledOperation: string; at: number }
>;
