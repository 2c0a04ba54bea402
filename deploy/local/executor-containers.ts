import { ownerOf } from '../../apps/executor/src/containers/container-ownership';
import { INSTANCE_INFO_LABEL } from '../../apps/executor/src/containers/drove-labels';

/** The `docker ps` format whose lines `containersOfExecutor` reads: the id, a tab, the instance info label. */
export const CONTAINER_LINE_FORMAT = `{{.ID}}\t{{.Label "${INSTANCE_INFO_LABEL}"}}`;

/**
 * The ids of the containers executor `executorId` created: the executor writes its id into every container's
 * instance info label (the executor claims them by it too). A line whose label is missing or not JSON is someone
 * else's container and is skipped.
 */
export function containersOfExecutor(dockerPsLines: string, executorId: string): string[] {
  return dockerPsLines
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([id, info]) => id && info && ownerOf({ [INSTANCE_INFO_LABEL]: info }) === executorId)
    .map(([id]) => id);
}
