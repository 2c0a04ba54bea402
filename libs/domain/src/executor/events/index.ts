import { eventsOf } from '../../common/event';
import { ExecutorAddedEvent } from './executor-added.event';
import { ExecutorBlacklistRequestedEvent } from './executor-blacklist-requested.event';
import { ExecutorBlacklistedEvent } from './executor-blacklisted.event';
import { ExecutorRemovedEvent } from './executor-removed.event';
import { ExecutorStateChangedEvent } from './executor-state-changed.event';
import { ExecutorUnblacklistedEvent } from './executor-unblacklisted.event';

export * from './executor-added.event';
export * from './executor-blacklist-requested.event';
export * from './executor-blacklisted.event';
export * from './executor-removed.event';
export * from './executor-state-changed.event';
export * from './executor-unblacklisted.event';

export type ExecutorEvent =
  | ExecutorAddedEvent
  | ExecutorStateChangedEvent
  | ExecutorRemovedEvent
  | ExecutorBlacklistRequestedEvent
  | ExecutorBlacklistedEvent
  | ExecutorUnblacklistedEvent;

export const executorEvent = eventsOf<ExecutorEvent>();
