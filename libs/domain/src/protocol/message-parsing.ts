import { Result, fail, ok } from '../common/result';
import { normaliseEnum } from '../specs/dto-decorators';

// The checks shared by both message directions: an object with a known type and a request header.
export const checkEnvelope = <T extends string>(
  json: unknown,
  types: readonly T[],
): Result<Record<string, unknown> & { type: T }> => {
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return fail('INVALID', 'message is not an object');
  const record = json as Record<string, unknown>;
  const type =
    typeof record.type === 'string'
      ? types.find((t) => t === normaliseEnum(record.type as string))
      : undefined;
  if (!type) return fail('INVALID', `Unknown message type: ${String(record.type)}`);
  const header = record.header as Record<string, unknown> | undefined;
  if (!header || typeof header.id !== 'string' || typeof header.messageTime !== 'number') {
    return fail('INVALID', 'header with id and messageTime is required');
  }
  return ok({ ...record, type });
};
