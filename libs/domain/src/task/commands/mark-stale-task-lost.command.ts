/**
 * Drove's TaskRunner rule: an active task nothing has been heard of (no state change, no executor snapshot listing
 * it) for longer than `stalenessMs` is LOST. `lastHeardAt` is what the controller heard outside the log (the
 * executors' snapshots); the decider adds the stream's own last change, so a report recorded after the caller
 * looked still saves the task.
 */
export interface MarkStaleTaskLostCommand {
  type: 'MarkStaleTaskLost';
  sourceAppName: string;
  taskId: string;
  lastHeardAt: number;
  stalenessMs: number;
  at: number;
}
