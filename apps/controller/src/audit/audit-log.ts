import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** One line of the audit file: an accepted write or a denied request. */
export interface AuditLine {
  time: number;
  kind: 'write' | 'denied';
  method: string;
  path: string;
  status: number;
  ip: string;
  /** The principal (also for a 403); absent when the credentials were refused. */
  actor?: string;
  role?: string;
  appId?: string;
  operation?: string;
  /** Denied requests only: what was presented, credentials masked. */
  headers?: Record<string, string>;
}

export const AUDIT_LOG = Symbol('AuditLog');

export interface AuditLog {
  record(line: AuditLine): void;
  /** Resolves once every line recorded so far is written. */
  flushed(): Promise<void>;
}

export const NO_AUDIT_LOG: AuditLog = { record: () => undefined, flushed: () => Promise.resolve() };

/**
 * JSON lines appended in order. Each write opens the file by name, so logrotate's rename-and-create works without
 * a signal; a failed write is reported and the next line tries again (an API call never fails for the audit file).
 */
export class FileAuditLog implements AuditLog {
  private tail: Promise<void>;

  constructor(
    private readonly file: string,
    private readonly onError: (err: unknown) => void,
  ) {
    this.tail = mkdir(dirname(file), { recursive: true }).then(
      () => undefined,
      (err: unknown) => onError(err),
    );
  }

  record(line: AuditLine): void {
    const text = `${JSON.stringify(line)}\n`;
    this.tail = this.tail.then(() => appendFile(this.file, text)).catch((err: unknown) => this.onError(err));
  }

  flushed(): Promise<void> {
    return this.tail;
  }
}
