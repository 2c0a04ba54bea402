export const EVENT_STREAM_CONFIG = Symbol('EventStreamConfig');
