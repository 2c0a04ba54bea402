import { ANY, NO_STREAM, type ExpectedVersion } from './event-store.port';
import { WrongExpectedVersionError } from './wrong-expected-version.error';

/** The error an append must fail with when the stream is at `current`, or undefined when it may go ahead. */
export function expectationFailure(
  stream: string,
  expected: ExpectedVersion,
  current: number,
): WrongExpectedVersionError | undefined {
  if (expected === ANY) return undefined;
  const wanted = expected === NO_STREAM ? 0 : expected;
  return wanted === current ? undefined : new WrongExpectedVersionError(stream, expected, current);
}
