export class FencedError extends Error {
  override readonly name = 'FencedError';
  constructor(readonly fence: string) {
    super(`fence ${fence} is gone: this writer is no longer the leader, nothing was written`);
  }
}
