import { Transform, plainToInstance } from 'class-transformer';
import { Allow, IsDefined, IsOptional, ValidateBy, ValidateNested, buildMessage } from 'class-validator';
import { Duration } from '../common/duration';

// Decorators that give class-validator the behaviour of Drove's Jackson + Bean Validation stack:
// Hibernate's default messages, case-insensitive enums and Jackson-style failures for unknown type ids.

// A failure Jackson would raise while reading the JSON (bad enum, unknown type id, bad duration): Drove answers
// these with `JSON validation failure`, not with per-field validation errors.
export class JsonMappingError extends Error {}

type Ctor<T = object> = new () => T;

const isEmptyValue = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  ((typeof v === 'string' || Array.isArray(v)) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

export const NotNull = (message = 'must not be null'): PropertyDecorator => IsDefined({ message });

export const NotEmpty = (message = 'must not be empty'): PropertyDecorator =>
  ValidateBy({
    name: 'notEmpty',
    validator: { validate: (v) => !isEmptyValue(v), defaultMessage: () => message },
  });

export const Optional = (): PropertyDecorator => IsOptional();

const numberCheck = (name: string, test: (n: number) => boolean, message: string): PropertyDecorator =>
  ValidateBy({
    name,
    validator: {
      validate: (v) => v === undefined || v === null || (typeof v === 'number' && test(v)),
      defaultMessage: buildMessage(() => message),
    },
  });

export const Min = (min: number): PropertyDecorator =>
  numberCheck('min', (n) => n >= min, `must be greater than or equal to ${min}`);

export const Max = (max: number): PropertyDecorator =>
  numberCheck('max', (n) => n <= max, `must be less than or equal to ${max}`);

const both =
  (a: PropertyDecorator, b: PropertyDecorator): PropertyDecorator =>
  (target, key) => {
    a(target, key);
    b(target, key);
  };

// Jackson coerces numeric strings into int/long fields and rejects other strings while reading.
export const Integer = (): PropertyDecorator =>
  both(
    Transform(
      ({ value }) => {
        if (typeof value !== 'string') return value;
        if (/^\s*-?\d+\s*$/.test(value)) return Number(value);
        throw new JsonMappingError(
          `Cannot deserialize value of type \`int\` from String ${JSON.stringify(value)}: not a valid \`int\` value`,
        );
      },
      { toClassOnly: true },
    ),
    numberCheck('integer', (n) => Number.isInteger(n), 'must be an integer'),
  );

// A Map<String, String>: scalar values are read as strings (as Jackson coerces them), anything else fails.
export const StringMap = (): PropertyDecorator =>
  both(
    Transform(
      ({ value }) => {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          if (value === undefined || value === null) return value;
          throw new JsonMappingError(
            `Cannot deserialize value of type \`java.util.Map\` from ${JSON.stringify(value)}`,
          );
        }
        return Object.fromEntries(
          Object.entries(value as Record<string, unknown>).map(([k, v]) => {
            if (v !== null && typeof v === 'object') {
              throw new JsonMappingError(
                `Cannot deserialize value of type \`java.lang.String\` from ${Array.isArray(v) ? 'Array' : 'Object'} value (key ${JSON.stringify(k)})`,
              );
            }
            return [k, v === null ? v : String(v)];
          }),
        );
      },
      { toClassOnly: true },
    ),
    Allow(),
  );

export const Pattern = (regex: RegExp, source: string): PropertyDecorator =>
  ValidateBy({
    name: 'pattern',
    validator: {
      validate: (v) => v === undefined || v === null || (typeof v === 'string' && regex.test(v)),
      defaultMessage: () => `must match "${source}"`,
    },
  });

export const SIZE_MESSAGE = (min: number, max: number): string => `size must be between ${min} and ${max}`;

export const MaxSize = (max: number): PropertyDecorator =>
  ValidateBy({
    name: 'size',
    validator: {
      validate: (v) => v === undefined || v === null || (Array.isArray(v) && v.length <= max),
      defaultMessage: () => SIZE_MESSAGE(0, max),
    },
  });

// Dropwizard's FuzzyEnumModule: case-insensitive, and '-' or ' ' stand for '_'.
export const normaliseEnum = (value: string): string => value.trim().toUpperCase().replace(/[- ]/g, '_');

export const readEnum = <T extends string>(values: readonly T[], value: unknown, typeName: string): T => {
  const normalised = typeof value === 'string' ? normaliseEnum(value) : undefined;
  const found = values.find((v) => v === normalised);
  if (found === undefined) {
    throw new JsonMappingError(
      `Cannot deserialize value of type \`${typeName}\` from String ${JSON.stringify(value)}: not one of the values accepted for Enum class: [${values.join(', ')}]`,
    );
  }
  return found;
};

export const EnumOf = <T extends string>(values: readonly T[], typeName: string): PropertyDecorator =>
  Transform(
    ({ value }) => (value === undefined || value === null ? value : readEnum(values, value, typeName)),
    {
      toClassOnly: true,
    },
  );

export const DurationField = (): PropertyDecorator =>
  Transform(
    ({ value }) => {
      if (value === undefined || value === null) return value;
      const parsed = typeof value === 'string' ? Duration.parse(value) : undefined;
      if (!parsed) throw new JsonMappingError(`Invalid duration: ${JSON.stringify(value)}`);
      return parsed;
    },
    { toClassOnly: true },
  );

const instanceOf = (cls: Ctor, raw: unknown): unknown =>
  raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? plainToInstance(cls, raw) : raw;

// A nested object or list of one class (no reflection metadata needed, unlike class-transformer's @Type).
export const NestedOf = (cls: () => Ctor): PropertyDecorator => {
  const nested = ValidateNested();
  const transform = Transform(
    ({ obj, key }) => {
      const raw: unknown = (obj as Record<string, unknown>)[key];
      return Array.isArray(raw) ? raw.map((r) => instanceOf(cls(), r)) : instanceOf(cls(), raw);
    },
    { toClassOnly: true },
  );
  return both(nested, transform);
};

// Resolves a Jackson EXISTING_PROPERTY type id, case-insensitively: the class to read, and the `type` value to
// keep (a subtype may declare `canonicalType`, e.g. SCALE read as SCALE_INSTANCES is written SCALE).
export const resolveSubtype = (
  baseName: string,
  subTypes: Record<string, Ctor>,
  given: unknown,
): { cls: Ctor; type: string } => {
  const known = Object.keys(subTypes);
  if (given === undefined || given === null) {
    throw new JsonMappingError(
      `Could not resolve subtype of ${baseName}: missing type id property 'type' (known type ids = [${known.join(', ')}])`,
    );
  }
  const typeId = typeof given === 'string' ? known.find((k) => k === normaliseEnum(given)) : undefined;
  if (!typeId) {
    throw new JsonMappingError(
      `Could not resolve type id '${String(given)}' as a subtype of ${baseName}: known type ids = [${known.join(', ')}]`,
    );
  }
  const cls = subTypes[typeId];
  return { cls, type: (cls as unknown as { canonicalType?: string }).canonicalType ?? typeId };
};

// A `type`-discriminated field or list; `defaultType` stands in when `type` is missing.
export const PolymorphicOf = (
  baseName: string,
  subTypesOf: () => Record<string, Ctor>,
  defaultType?: string,
): PropertyDecorator => {
  const one = (raw: unknown): unknown => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
    const record = raw as Record<string, unknown>;
    const { cls, type } = resolveSubtype(baseName, subTypesOf(), record.type ?? defaultType);
    return plainToInstance(cls, { ...record, type });
  };
  const transform = Transform(
    ({ obj, key }) => {
      const raw: unknown = (obj as Record<string, unknown>)[key];
      return Array.isArray(raw) ? raw.map(one) : one(raw);
    },
    { toClassOnly: true },
  );
  return both(transform, ValidateNested());
};

// Marks the discriminator as a known field, so that unknown-field stripping keeps it.
export const TypeId = (): PropertyDecorator => Allow();

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

// A byte[] field: Jackson reads base64 and fails the whole body on anything else.
export const Base64Field = (): PropertyDecorator =>
  Transform(
    ({ value }) => {
      if (typeof value === 'string' && BASE64.test(value) && value.length % 4 !== 1) return value;
      if (value === undefined || value === null) return value;
      throw new JsonMappingError(
        `Cannot deserialize value of type \`byte[]\` from String ${JSON.stringify(value)}: Failed to decode VALUE_STRING as base64 (MIME-NO-LINEFEEDS)`,
      );
    },
    { toClassOnly: true },
  );
