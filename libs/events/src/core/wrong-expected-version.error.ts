import type { ExpectedVersion } from './event-store.port';

export class WrongExpectedVersionError extends Error {
  override readonly name = 'WrongExpectedVersionError';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedVersion,
    /** The stream's version now; 0 when it has no events. */
    readonly current: number,
  ) {
    super(`stream ${stream}: expected version ${expected}, current version ${current}`);
  }
}
