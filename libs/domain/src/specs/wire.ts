import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { JsonMappingError } from './dto-decorators';

// Reading and writing Drove JSON. Reading: class-transformer builds the DTO (enums, durations and type ids are
// resolved, a failure there is Drove's `JSON validation failure`), then class-validator checks the constraints
// (Drove's `Command validation failure` with `<path> <message>` entries). Unknown fields are dropped.

export type ParseFailureKind = 'JSON' | 'VALIDATION';

export type Parsed<T> = { ok: true; value: T } | { ok: false; kind: ParseFailureKind; errors: string[] };

export const JSON_FAILURE_MESSAGE = 'JSON validation failure';
export const VALIDATION_FAILURE_MESSAGE = 'Command validation failure';

export const parseDto = <T extends object>(cls: new () => T, json: unknown): Parsed<T> => {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, kind: 'JSON', errors: [`Cannot deserialize value of type \`${cls.name}\``] };
  }
  let instance: T;
  try {
    instance = plainToInstance(cls, withoutNulls(json));
  } catch (e) {
    if (e instanceof JsonMappingError) return { ok: false, kind: 'JSON', errors: [e.message] };
    throw e;
  }
  const errors = validateSync(instance, { whitelist: true, forbidUnknownValues: false });
  if (errors.length > 0) return { ok: false, kind: 'VALIDATION', errors: flattenErrors(errors) };
  return { ok: true, value: instance };
};

// Jackson treats a null field as an absent one (primitives become 0), so nulls are dropped before reading.
const withoutNulls = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
};

const segment = (parent: string, property: string): string =>
  /^\d+$/.test(property) ? `${parent}[${property}]` : parent ? `${parent}.${property}` : property;

export const flattenErrors = (errors: ValidationError[], parent = ''): string[] =>
  errors.flatMap((error) => {
    const path = segment(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => `${path} ${message}`);
    return [...own, ...flattenErrors(error.children ?? [], path)];
  });

// Drove writes NON_NULL: null and undefined fields vanish, empty strings, lists and maps stay.
export const toWire = <T>(value: T): unknown =>
  JSON.parse(JSON.stringify(value, (_key, v: unknown) => (v === null ? undefined : v)));
