// Deciders return typed results instead of throwing: the HTTP edge maps a DomainError to Drove's
// envelope (`Command validation failure` with the messages, or a FAILED status for not-found reads).

export type DomainErrorCode = 'INVALID' | 'NOT_FOUND' | 'CONFLICT' | 'NOT_ALLOWED';

export interface DomainError {
  code: DomainErrorCode;
  messages: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(code: DomainErrorCode, ...messages: string[]): Result<T> => ({
  ok: false,
  error: { code, messages },
});
