// Drove's cluster event feed (section 4): `{type, id, time, metadata}`, metadata omitting nulls.

export const DROVE_EVENT_TYPES = [
  'APP_STATE_CHANGE',
  'INSTANCE_STATE_CHANGE',
  'TASK_STATE_CHANGE',
  'LOCAL_SERVICE_STATE_CHANGE',
  'LOCAL_SERVICE_INSTANCE_STATE_CHANGE',
  'EXECUTOR_ADDED',
  'EXECUTOR_REMOVED',
  'EXECUTOR_BLACKLIST_REQUESTED',
  'EXECUTOR_BLACKLISTED',
  'EXECUTOR_UN_BLACKLISTED',
  'MAINTENANCE_MODE_SET',
  'MAINTENANCE_MODE_REMOVED',
  'LEADERSHIP_ACQUIRED',
  'LEADERSHIP_LOST',
] as const;
export type DroveEventType = (typeof DROVE_EVENT_TYPES)[number];

export interface DroveEvent {
  type: DroveEventType;
  id: string;
  time: number;
  metadata: Record<string, string | number>;
}

// What the mapper needs of a stored event: the envelope's id and time, and the domain event.
export interface StoredEventLike {
  id: string;
  time: number;
  type: string;
  data: unknown;
}

export interface DroveEventsList {
  events: DroveEvent[];
  lastSyncTime: number;
}

// `GET /v1/cluster/events/latest`: events after lastSyncTime, newest first. Unlike Drove, which keeps the newest
// `size` and so silently skips older ones when more arrived, this returns the oldest `size` of them (still
// newest first) and sets lastSyncTime to the newest returned, so a client that keeps polling misses nothing.
export const latestDroveEvents = (
  events: readonly DroveEvent[],
  lastSyncTime: number,
  size: number,
): DroveEventsList => {
  const after = events.filter((e) => e.time > lastSyncTime).sort((a, b) => a.time - b.time);
  const page = after.slice(0, size);
  const newest = page.length > 0 ? page[page.length - 1].time : lastSyncTime;
  return { events: page.reverse(), lastSyncTime: newest };
};

export const droveEventsSummary = (
  events: readonly DroveEvent[],
  lastSyncTime: number,
): { eventsCount: Partial<Record<DroveEventType, number>>; lastSyncTime: number } => {
  const eventsCount: Partial<Record<DroveEventType, number>> = {};
  let newest = lastSyncTime;
  for (const e of events) {
    if (e.time <= lastSyncTime) continue;
    eventsCount[e.type] = (eventsCount[e.type] ?? 0) + 1;
    newest = Math.max(newest, e.time);
  }
  return { eventsCount, lastSyncTime: newest };
};
