import { ExecutorNodeDataJson, applicationExists, localServiceExists } from '@drove/domain';
import { ClusterViewProjection } from '../projections/cluster-view.projection';

/** Drove's KnownInstancesData: what an executor should keep (and kill) of what it runs. */
export interface KnownInstancesData {
  appInstanceIds: string[];
  staleAppInstanceIds: string[];
  taskInstanceIds: string[];
  staleTaskInstanceIds: string[];
  localServiceInstanceIds: string[];
  staleLocalServiceInstanceIds: string[];
}

/** One pass, in list order: `keep` may count what it has seen. */
const split = <T>(items: T[], keep: (item: T) => boolean, id: (item: T) => string): [string[], string[]] => {
  const kept: string[] = [];
  const stale: string[] = [];
  for (const item of items) (keep(item) ? kept : stale).push(id(item));
  return [kept, stale];
};

/**
 * Sorts the instances in an executor's snapshot by whether the log still wants them, as Drove does: an app
 * instance is stale when its app is gone or expects none; a task when its record is gone; a local-service
 * instance when its service is gone or it comes after the first `instancesPerHost` of its service (list order).
 */
export function knownInstances(data: ExecutorNodeDataJson, view: ClusterViewProjection): KnownInstancesData {
  const [appInstanceIds, staleAppInstanceIds] = split(
    data.instances ?? [],
    (i) => {
      const app = view.application(i.appId);
      return app !== undefined && applicationExists(app) && app.instances > 0;
    },
    (i) => i.instanceId,
  );
  const [taskInstanceIds, staleTaskInstanceIds] = split(
    data.tasks ?? [],
    (t) => view.tasks.task(t.sourceAppName, t.taskId) !== undefined,
    (t) => t.instanceId,
  );
  const seenPerService = new Map<string, number>();
  const [localServiceInstanceIds, staleLocalServiceInstanceIds] = split(
    data.serviceInstances ?? [],
    (i) => {
      const service = view.localService(i.serviceId);
      const position = seenPerService.get(i.serviceId) ?? 0;
      seenPerService.set(i.serviceId, position + 1);
      return service !== undefined && localServiceExists(service) && position < service.instancesPerHost;
    },
    (i) => i.instanceId,
  );
  return {
    appInstanceIds,
    staleAppInstanceIds,
    taskInstanceIds,
    staleTaskInstanceIds,
    localServiceInstanceIds,
    staleLocalServiceInstanceIds,
  };
}
