// A domain event before it is wrapped in the store's envelope (id, stream, position, time, hash...).
export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  schemaVersion: number;
  data: D;
}

export const event = <T extends string, D>(type: T, data: D, schemaVersion = 1): DomainEvent<T, D> => ({
  type,
  schemaVersion,
  data,
});

// A constructor bound to one aggregate's event union, so that data is checked against the event's own type.
export const eventsOf =
  <E extends DomainEvent>() =>
  <T extends E['type']>(type: T, data: Extract<E, { type: T }>['data']): Extract<E, { type: T }> =>
    ({ type, schemaVersion: 1, data }) as Extract<E, { type: T }>;
