import { eventsOf } from '../../common/event';
import { LeadershipAcquiredEvent } from './leadership-acquired.event';
import { MaintenanceModeRemovedEvent } from './maintenance-mode-removed.event';
import { MaintenanceModeSetEvent } from './maintenance-mode-set.event';

export * from './leadership-acquired.event';
export * from './maintenance-mode-removed.event';
export * from './maintenance-mode-set.event';

export type ClusterEvent = MaintenanceModeSetEvent | MaintenanceModeRemovedEvent | LeadershipAcquiredEvent;

export const clusterEvent = eventsOf<ClusterEvent>();
