import { ALLOWED_LOCAL_SERVICE_OPERATIONS, LocalServiceOperationDto } from '@drove/domain';
import { ClusterViewProjection } from '../projections/cluster-view.projection';
import { hostLevelOf } from './host-level';

/** Java's List.toString, as Drove prints ids in its messages. */
const javaList = (ids: readonly string[]): string => `[${ids.join(', ')}]`;

/**
 * Drove's checks of an operation against the service's instances and spec (its LocalServiceCommandValidator),
 * made on the cluster view before the decider runs. Empty when the operation may go ahead.
 */
export function localServiceOperationErrors(
  op: LocalServiceOperationDto,
  view: ClusterViewProjection,
): string[] {
  if (op.type === 'CREATE') return [];
  const service = view.localService(op.serviceId);
  // as in Drove, the state comes first: the decider refuses an operation its state does not allow
  if (!service?.state || !ALLOWED_LOCAL_SERVICE_OPERATIONS[service.state].includes(op.type)) return [];
  const notHealthy = (ids: readonly string[] = []) => {
    const healthy = new Set(
      view
        .serviceInstancesOf(op.serviceId)
        .filter((i) => i.state === 'HEALTHY')
        .map((i) => i.instanceId),
    );
    return ids.filter((id) => !healthy.has(id));
  };
  switch (op.type) {
    case 'UPDATE_INSTANCE_COUNT':
      return hostLevelOf(service.spec?.placementPolicy)
        ? ['Update is allowed for services that do not have Host Level option set']
        : [];
    case 'REPLACE_INSTANCES': {
      const unknown = notHealthy(op.instanceIds);
      return unknown.length > 0
        ? [`There are no replaceable healthy instances with ids: ${javaList(unknown)}`]
        : [];
    }
    case 'STOP_INSTANCES': {
      const unknown = notHealthy(op.instanceIds);
      return unknown.length > 0 ? [`There are no healthy instances with ids: ${javaList(unknown)}`] : [];
    }
    default:
      return [];
  }
}
