/**
 * The leader's decision to drop old records from the cluster view (never from the log). Recorded as an event, so
 * every controller, every replay and every history fold drops exactly the same records at the same point of the
 * log, whatever its own clock or retention settings say. Its own stream: the `cluster` stream is folded by every
 * command's maintenance gate and must stay short.
 */
export const RETENTION_STREAM = 'retention';
export const VIEW_RECORDS_PRUNED = 'ViewRecordsPruned';

export interface ViewRecordsPrunedData {
  /** App instances in a non-active state, dropped from `/instances/old` and `/instances/{id}`. */
  instanceIds: string[];
  /** Tasks (`<sourceAppName>-<taskId>`) in a terminal state, dropped from the task queries. */
  taskRunIds: string[];
  /** The leader's clock when it decided. */
  at: number;
}
