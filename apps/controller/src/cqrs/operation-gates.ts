import {
  CLUSTER_STREAM,
  JSON_FAILURE_MESSAGE,
  MAINTENANCE_MESSAGE,
  ParseFailureKind,
  clusterDecider,
  isInMaintenanceWindow,
} from '@drove/domain';
import { CommandValidationError } from '../http/drove-errors';
import { CommandPipeline } from './command-pipeline';

/** An operation body that did not parse, as Drove reports it: a JSON failure or a command validation failure. */
export const parseFailure = (failed: { kind: ParseFailureKind; errors: string[] }): CommandValidationError =>
  failed.kind === 'JSON'
    ? new CommandValidationError(failed.errors, JSON_FAILURE_MESSAGE)
    : new CommandValidationError(failed.errors);

/** Refuses an operation in the maintenance window, as Drove does. */
export async function refuseInMaintenance(pipeline: CommandPipeline, now: number): Promise<void> {
  // Read from the stream, not the view: the gate must hold even if the view lags behind the log.
  const cluster = await pipeline.load(clusterDecider, CLUSTER_STREAM);
  if (isInMaintenanceWindow(cluster.state, now)) throw new CommandValidationError([MAINTENANCE_MESSAGE]);
}
