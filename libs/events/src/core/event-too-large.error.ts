export class EventTooLargeError extends Error {
  override readonly name = 'EventTooLargeError';
  constructor(
    readonly what: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${what} is ${size} bytes, over the limit of ${limit} bytes; nothing was written`);
  }
}
