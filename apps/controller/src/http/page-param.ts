import { CommandValidationError } from './drove-errors';

/** Drove's bound for `from`/`start` and `size` on list queries. */
export const MAX_PAGE = 2147483646;

/** A paging query parameter, `fallback` when absent; outside 0..MAX_PAGE it is a 400 as in Drove. */
export function pageParam(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE) {
    throw new CommandValidationError([`${name} must be an integer between 0 and ${MAX_PAGE}`]);
  }
  return value;
}
