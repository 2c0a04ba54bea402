/** Drove's BlacklistOperationResponse, the `data` of every blacklist and unblacklist call. */
export interface BlacklistOperationResponse {
  successful: string[];
  failed: string[];
  approxCompletionTimeMs: number;
  message: string;
}

export const BLACKLIST_TEXTS = {
  scheduled: 'Blacklisting successful and app movement scheduled',
  noneSent: 'Blacklisting messages could not be sent to any of the executors.',
  busy: 'A blacklisting related operation is underway already. Will not accept new requests',
  unblacklistedAll: 'Unblacklisting successful for all executors',
  unblacklistedSome: 'Unblacklisting successful for some executors. Check logs for details.',
} as const;

export const rejected = (ids: string[], message: string): BlacklistOperationResponse => ({
  successful: [],
  failed: ids,
  approxCompletionTimeMs: 0,
  message,
});
