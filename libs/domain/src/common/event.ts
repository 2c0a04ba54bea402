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
