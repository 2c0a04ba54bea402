// Drove's `[a-zA-Z\d\-_]*` pattern for names, versions and task ids (Java `matches`: the whole string).
export const NAME_PATTERN = /^[a-zA-Z\d\-_]*$/;
export const NAME_PATTERN_SOURCE = '[a-zA-Z\\d\\-_]*';
export const PORT_NAME_PATTERN = /^[a-zA-Z0-9\-_]*$/;
export const PORT_NAME_PATTERN_SOURCE = '[a-zA-Z0-9\\-_]*';

// Java primitives (int, long) that Drove declares are 0 when absent, so their range checks then fail; the DTOs
// reproduce that with `= 0` initialisers.
