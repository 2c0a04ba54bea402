import { normaliseEnum } from './dto-decorators';
import { Parsed, parseDto } from './wire';

type Ctor = new () => object;

// Reads a top-level `type`-discriminated payload (an operation): picks the class by type id, case-insensitively.
export const parsePolymorphic = <T extends object>(
  baseName: string,
  subTypes: Record<string, Ctor>,
  json: unknown,
): Parsed<T> => {
  const given =
    json !== null && typeof json === 'object' ? (json as Record<string, unknown>).type : undefined;
  const known = Object.keys(subTypes);
  const typeId = typeof given === 'string' ? known.find((k) => k === normaliseEnum(given)) : undefined;
  if (!typeId) {
    const message =
      given === undefined
        ? `Could not resolve subtype of ${baseName}: missing type id property 'type'`
        : `Could not resolve type id '${String(given)}' as a subtype of ${baseName}: known type ids = [${known.join(', ')}]`;
    return { ok: false, kind: 'JSON', errors: [message] };
  }
  const cls = subTypes[typeId];
  const canonical = (cls as unknown as { canonicalType?: string }).canonicalType ?? typeId;
  return parseDto(cls, { ...(json as object), type: canonical }) as Parsed<T>;
};
