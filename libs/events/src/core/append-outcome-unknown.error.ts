/** The connection broke mid-append and the store could not learn whether it committed; retry with the same ids. */
export class AppendOutcomeUnknownError extends Error {
  override readonly name = 'AppendOutcomeUnknownError';
  constructor(
    readonly stream: string,
    cause: unknown,
  ) {
    super(
      `append to ${stream}: outcome unknown (${String(cause)}); retrying with the same event ids is safe`,
    );
  }
}
