import { JsonMappingError, resolveSubtype } from './dto-decorators';
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
  try {
    const { cls, type } = resolveSubtype(baseName, subTypes, given);
    return parseDto(cls, { ...(json as object), type }) as Parsed<T>;
  } catch (e) {
    if (e instanceof JsonMappingError) return { ok: false, kind: 'JSON', errors: [e.message] };
    throw e;
  }
};
