import { InstanceAggregate } from '@drove/domain';
import { ExecutorRegistry } from './executor-registry';

/** How long an active instance or a task may go unheard of (Drove's fixed 60 s); `options.instanceStalenessMs`. */
export const INSTANCE_STALENESS_MS = Symbol('InstanceStalenessMs');
export const DEFAULT_INSTANCE_STALENESS_MS = 60_000;

/**
 * When the controller last heard of an instance, by its own clock: the later of its last recorded change (the
 * log records only state changes, so a steady HEALTHY instance's record ages) and the arrival of the latest node
 * data of its executor that listed it (every 20 s while the executor is alive). A hung executor renews neither.
 * Tasks too (TaskSaga), by their instance id.
 */
export const lastHeardOf = (
  instance: Pick<InstanceAggregate, 'executorId' | 'instanceId' | 'updated'>,
  registry: Pick<ExecutorRegistry, 'heardOf'>,
): number => {
  const { executorId, instanceId } = instance;
  const listed = executorId && instanceId ? registry.heardOf(executorId, instanceId) : undefined;
  return Math.max(instance.updated ?? 0, listed ?? 0);
};
