import { OperationOutcome } from '@drove/domain';

/** What one per-instance job (a start, a stop, a replacement pair) came to; `error` says why it failed. */
export type JobResult = { ok: true } | { ok: false; error: string };

export const JOB_DONE: JobResult = { ok: true };

/**
 * The failures of an operation's per-instance jobs. Drove requires `failureStrategy` (STOP or ROLLBACK) and
 * ignores it; here both halt the operation at its first failure: no job begins after it, the ones in flight
 * finish. A failed replacement is undone by itself (its new instance is given up and its old one kept), and
 * completed pairs are not undone, as stopping their healthy new instances would only lower the capacity.
 */
export class OperationFailures {
  private readonly errors: string[] = [];
  private skipped = 0;

  /** `verb` names what each job does to an instance, for the error text: `replaced`, `stopped`. */
  constructor(
    private readonly total: number,
    private readonly verb: string,
  ) {}

  get halted(): boolean {
    return this.errors.length > 0;
  }

  /** Runs one job, unless an earlier one failed or the operation was cancelled meanwhile. */
  async run(cancelled: () => boolean, job: () => Promise<JobResult>): Promise<void> {
    if (this.halted || cancelled()) {
      this.skipped += 1;
      return;
    }
    const result = await job();
    if (!result.ok) this.errors.push(result.error);
  }

  /** Jobs that did not do what they were asked: failed, or not attempted. */
  get notDone(): number {
    return this.errors.length + this.skipped;
  }

  /** The operation's outcome and, when a job failed, an error naming each failure. */
  outcome(cancelled: boolean): { outcome: OperationOutcome; error?: string } {
    const failed = this.errors.length;
    if (failed === 0) return { outcome: cancelled ? 'CANCELLED' : 'SUCCEEDED' };
    const notBegun =
      this.skipped > 0 && !cancelled ? `; ${this.skipped} not attempted after the failure` : '';
    const error = `${failed} of ${this.total} instance(s) not ${this.verb}: ${this.errors.join('; ')}${notBegun}`;
    return { outcome: cancelled ? 'CANCELLED' : 'FAILED', error };
  }
}

/**
 * One replacement pair, Drove's [start new, stop old] (or the reverse with stopFirst), stopping at its first
 * failed step: started first, a new instance that never became HEALTHY leaves the old one running.
 */
export async function replacePair(
  oldId: string,
  stopFirst: boolean,
  stopOld: () => Promise<JobResult>,
  startNew: () => Promise<JobResult>,
): Promise<JobResult> {
  if (stopFirst) {
    const stopped = await stopOld();
    if (!stopped.ok) return stopped;
    const started = await startNew();
    return started.ok
      ? started
      : { ok: false, error: `${oldId} stopped, its replacement failed: ${started.error}` };
  }
  const started = await startNew();
  if (!started.ok) return { ok: false, error: `${oldId} kept, its replacement failed: ${started.error}` };
  return stopOld();
}
