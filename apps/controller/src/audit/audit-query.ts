import { CommandValidationError } from '../http/drove-errors';

export const DEFAULT_AUDIT_LIMIT = 100;
export const MAX_AUDIT_LIMIT = 1000;

/** What `GET /apis/v2/audit/events` was asked for; every filter is optional and they combine with AND. */
export interface AuditQuery {
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, inclusive. */
  to?: number;
  stream?: string;
  type?: string;
  actor?: string;
  /** Cursor: only positions after it. */
  after: number;
  limit: number;
}

export type RawQuery = Record<string, string | string[] | undefined>;

const MAX_TEXT = 255;

/** Collects every problem of a query so one 400 names them all. */
export class ParamReader {
  readonly problems: string[] = [];

  constructor(private readonly raw: RawQuery) {}

  integer(name: string, min: number, max: number): number | undefined {
    const value = this.single(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
      this.problems.push(`${name} must be an integer between ${min} and ${max}, got '${value}'`);
      return undefined;
    }
    return n;
  }

  text(name: string): string | undefined {
    const value = this.single(name);
    if (value !== undefined && value.length > MAX_TEXT) {
      this.problems.push(`${name} must be at most ${MAX_TEXT} characters`);
      return undefined;
    }
    return value;
  }

  /** Throws the 400 when anything was wrong. */
  done(): void {
    if (this.problems.length > 0) throw new CommandValidationError(this.problems);
  }

  private single(name: string): string | undefined {
    const value = this.raw[name];
    if (Array.isArray(value)) {
      this.problems.push(`${name} must be given at most once`);
      return undefined;
    }
    return value === '' ? undefined : value;
  }
}

export const epochParam = (reader: ParamReader, name: string): number | undefined =>
  reader.integer(name, 0, Number.MAX_SAFE_INTEGER);

function checkRange(reader: ParamReader, from: number | undefined, to: number | undefined): void {
  if (from !== undefined && to !== undefined && from > to) {
    reader.problems.push(`from (${from}) must not be after to (${to})`);
  }
}

export function parseAuditQuery(raw: RawQuery): AuditQuery {
  const reader = new ParamReader(raw);
  const from = epochParam(reader, 'from');
  const to = epochParam(reader, 'to');
  checkRange(reader, from, to);
  const query: AuditQuery = {
    from,
    to,
    stream: reader.text('stream'),
    type: reader.text('type'),
    actor: reader.text('actor'),
    after: reader.integer('after', 0, Number.MAX_SAFE_INTEGER) ?? 0,
    limit: reader.integer('limit', 1, MAX_AUDIT_LIMIT) ?? DEFAULT_AUDIT_LIMIT,
  };
  reader.done();
  return query;
}

/** `from`/`to` of `/audit/verify`: positions of the log, 1-based. */
export function parseVerifyRange(raw: RawQuery): { from?: number; to?: number } {
  const reader = new ParamReader(raw);
  const from = reader.integer('from', 1, Number.MAX_SAFE_INTEGER);
  const to = reader.integer('to', 1, Number.MAX_SAFE_INTEGER);
  checkRange(reader, from, to);
  reader.done();
  return { from, to };
}
