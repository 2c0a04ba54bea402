import {
  ACTIVE_INSTANCE_STATES,
  InstanceAggregate,
  InstanceInfoJson,
  InstanceState,
  LocalServiceInstanceInfoJson,
  isLocalServiceInstance,
} from '@drove/domain';
import { ClusterViewProjection } from './cluster-view.projection';

/** The app's instances that an executor has reported on, as Drove's InstanceInfo. */
export const reportedInstancesOf = (view: ClusterViewProjection, appId: string): InstanceInfoJson[] =>
  view
    .instancesOf(appId)
    .map((i) => i.info)
    .filter((info): info is InstanceInfoJson => info !== undefined && !isLocalServiceInstance(info));

/** The local service's instances that an executor has reported on, as Drove's LocalServiceInstanceInfo. */
export const reportedServiceInstancesOf = (
  view: ClusterViewProjection,
  serviceId: string,
): LocalServiceInstanceInfoJson[] =>
  view
    .serviceInstancesOf(serviceId)
    .map((i) => i.info)
    .filter(
      (info): info is LocalServiceInstanceInfoJson => info !== undefined && isLocalServiceInstance(info),
    );

export const isActiveInstance = (info: { state: InstanceState }): boolean =>
  ACTIVE_INSTANCE_STATES.includes(info.state);

/** An instance recorded as requested but not reported yet counts as PENDING (its START may be in flight). */
export const stateOf = (instance: InstanceAggregate): InstanceState => instance.state ?? 'PENDING';

export const healthyInstanceIdsOf = (view: ClusterViewProjection, appId: string): string[] =>
  view
    .instancesOf(appId)
    .filter((i) => i.state === 'HEALTHY')
    .map((i) => i.instanceId as string);

export const activeInstanceIdsOf = (view: ClusterViewProjection, appId: string): string[] =>
  view
    .instancesOf(appId)
    .filter((i) => ACTIVE_INSTANCE_STATES.includes(stateOf(i)))
    .map((i) => i.instanceId as string);
