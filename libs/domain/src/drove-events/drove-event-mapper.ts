import { ApplicationEvent } from '../application/events';
import { ClusterEvent } from '../cluster/events';
import {
  ApplicationSpecJson,
  DeployableSpecJson,
  PortSpecJson,
  cpuCount,
  memoryInMB,
} from '../common/wire-types';
import { nameUuidFromString } from '../common/ids';
import { ExecutorEvent } from '../executor/events';
import { InstanceEvent } from '../instance/events';
import { formatHostPorts, isLocalServiceInstance } from '../instance/instance-info';
import { LocalServiceEvent } from '../local-service/events';
import { TaskEvent } from '../task/events';
import { DroveEvent, DroveEventType, StoredEventLike } from './drove-event';

type KnownEvent =
  ApplicationEvent | InstanceEvent | TaskEvent | ExecutorEvent | LocalServiceEvent | ClusterEvent;
type Metadata = Record<string, string | number | undefined>;

const specPorts = (ports: readonly PortSpecJson[]): string =>
  ports.map((p) => `${p.name}:${p.port}:${p.type.toLowerCase()}`).join(',');

const deployableFacts = (spec: DeployableSpecJson): Metadata => ({
  EXECUTABLE: spec.executable.url,
  PLACEMENT_POLICY: spec.placementPolicy?.type ?? 'ANY',
  CPU_COUNT: cpuCount(spec.resources),
  MEMORY: memoryInMB(spec.resources),
});

const droveEvent = (id: string, time: number, type: DroveEventType, values: Metadata): DroveEvent => {
  const metadata: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') metadata[k] = v;
  return { type, id, time, metadata };
};

// Turns our log into Drove's event feed. It folds the log like any projection: the facts Drove repeats in every
// app/service event (name, image, resources, ports) come from the creation event, the rest from each event.
export class DroveEventMapper {
  private readonly apps = new Map<string, { facts: Metadata; instances: number }>();
  private readonly services = new Map<string, { facts: Metadata; instancesPerHost: number }>();
  private readonly executors = new Map<string, { HOSTNAME: string; PORT: number }>();

  /**
   * An independent copy of what the mapper has folded so far: mapping the same events after it gives the same
   * Drove events as this mapper would (a feed re-maps an old range of the log from such a copy).
   */
  clone(): DroveEventMapper {
    const copy = new DroveEventMapper();
    // facts are never mutated after creation, so they are shared; the counts beside them are copied
    for (const [id, app] of this.apps) copy.apps.set(id, { ...app });
    for (const [id, service] of this.services) copy.services.set(id, { ...service });
    for (const [id, executor] of this.executors) copy.executors.set(id, executor);
    return copy;
  }

  /** How many apps, services and executors the mapper remembers (what a clone costs). */
  get size(): number {
    return this.apps.size + this.services.size + this.executors.size;
  }

  apply(stored: StoredEventLike): DroveEvent[] {
    const e = { type: stored.type, data: stored.data } as KnownEvent;
    const metadata = this.metadataOf(e);
    if (!metadata) return [];
    const event = droveEvent(stored.id, stored.time, ...metadata);
    // A deposed leader cannot write (fencing), so its LEADERSHIP_LOST is told by its successor's election.
    if (e.type === 'LeadershipAcquired' && e.data.previousLeader) {
      const lostId = nameUuidFromString(`${stored.id}:LEADERSHIP_LOST`);
      return [droveEvent(lostId, stored.time, 'LEADERSHIP_LOST', { HOSTNAME: e.data.previousLeader }), event];
    }
    return [event];
  }

  private metadataOf(e: KnownEvent): [DroveEventType, Metadata] | undefined {
    switch (e.type) {
      case 'ApplicationCreated':
        this.apps.set(e.data.appId, { facts: this.appFacts(e.data.spec), instances: e.data.instances });
        return undefined;
      case 'ApplicationScalingRequested':
        return this.appChange(e.data.appId, 'SCALING_REQUESTED', e.data.requiredInstances);
      case 'ApplicationOutageDetected':
        return this.appChange(e.data.appId, 'OUTAGE_DETECTED');
      case 'ApplicationInstancesStopRequested':
        return this.appChange(e.data.appId, 'STOP_INSTANCES_REQUESTED');
      case 'ApplicationInstancesReplaceRequested':
        return this.appChange(e.data.appId, 'REPLACE_INSTANCES_REQUESTED');
      case 'ApplicationDestroyRequested':
        return this.appChange(e.data.appId, 'DESTROY_REQUESTED');
      case 'ApplicationOperationCompleted':
        return this.appChange(e.data.appId, e.data.state, e.data.instances);
      case 'ApplicationDestroyed':
        return this.appChange(e.data.appId, 'DESTROYED', 0);
      case 'InstanceStateChanged': {
        const info = e.data.info;
        const common = {
          INSTANCE_ID: info.instanceId,
          EXECUTOR_ID: info.executorId,
          CREATED: info.created,
          CURRENT_STATE: info.state,
          EXECUTOR_HOST: info.localInfo?.hostname,
          PORTS: formatHostPorts(info.localInfo),
          ERROR: info.errorMessage,
        };
        return isLocalServiceInstance(info)
          ? [
              'LOCAL_SERVICE_INSTANCE_STATE_CHANGE',
              { SERVICE_ID: info.serviceId, SERVICE_NAME: info.serviceName, ...common },
            ]
          : ['INSTANCE_STATE_CHANGE', { APP_ID: info.appId, APP_NAME: info.appName, ...common }];
      }
      case 'TaskStateChanged': {
        const info = e.data.info;
        return [
          'TASK_STATE_CHANGE',
          {
            APP_NAME: info.sourceAppName,
            TASK_ID: info.taskId,
            INSTANCE_ID: info.instanceId,
            EXECUTOR_ID: info.executorId,
            EXECUTOR_HOST: info.hostname,
            EXECUTABLE: info.executable.url,
            CREATED: info.created,
            CURRENT_STATE: info.state,
            ERROR: info.errorMessage,
            RESULT_STATUS: info.taskResult?.status,
            RESULT_EXIT_CODE: info.taskResult?.exitCode,
          },
        ];
      }
      case 'LocalServiceCreated': {
        const { serviceId, spec, instancesPerHost } = e.data;
        const facts = {
          LOCAL_SERVICE_NAME: spec.name,
          LOCAL_SERVICE_VERSION: spec.version,
          ...deployableFacts(spec),
          PORTS: specPorts(spec.exposedPorts),
        };
        this.services.set(serviceId, { facts, instancesPerHost });
        return this.serviceChange(serviceId, 'INACTIVE');
      }
      case 'LocalServiceOperationRequested':
        return this.serviceChange(e.data.serviceId, e.data.state);
      case 'LocalServiceOperationCompleted':
        return this.serviceChange(e.data.serviceId, e.data.state, e.data.instancesPerHost);
      case 'LocalServiceEmergencyDeactivationRequested':
        return this.serviceChange(e.data.serviceId, 'EMERGENCY_DEACTIVATION_REQUESTED');
      case 'LocalServiceDestroyed':
        return this.serviceChange(e.data.serviceId, 'DESTROYED');
      case 'ExecutorAdded':
        this.executors.set(e.data.executorId, { HOSTNAME: e.data.hostname, PORT: e.data.port });
        return [
          'EXECUTOR_ADDED',
          { EXECUTOR_ID: e.data.executorId, HOSTNAME: e.data.hostname, PORT: e.data.port },
        ];
      case 'ExecutorRemoved':
        return ['EXECUTOR_REMOVED', { EXECUTOR_ID: e.data.executorId }];
      case 'ExecutorBlacklistRequested':
        return this.executorChange('EXECUTOR_BLACKLIST_REQUESTED', e.data.executorId);
      case 'ExecutorBlacklisted':
        return this.executorChange('EXECUTOR_BLACKLISTED', e.data.executorId);
      case 'ExecutorUnblacklisted':
        return this.executorChange('EXECUTOR_UN_BLACKLISTED', e.data.executorId);
      case 'MaintenanceModeSet':
        return ['MAINTENANCE_MODE_SET', { HOSTNAME: e.data.hostname }];
      case 'MaintenanceModeRemoved':
        return ['MAINTENANCE_MODE_REMOVED', { HOSTNAME: e.data.hostname }];
      case 'LeadershipAcquired':
        return ['LEADERSHIP_ACQUIRED', { HOSTNAME: e.data.hostname }];
      default:
        return undefined;
    }
  }

  private appFacts(spec: ApplicationSpecJson): Metadata {
    return {
      APP_NAME: spec.name,
      APP_VERSION: spec.version,
      ...deployableFacts(spec),
      PORTS: specPorts(spec.exposedPorts),
      VHOST: spec.exposureSpec?.vhost,
    };
  }

  private appChange(appId: string, state: string, instances?: number): [DroveEventType, Metadata] {
    const app = this.apps.get(appId) ?? { facts: {}, instances: 0 };
    if (instances !== undefined) app.instances = instances;
    this.apps.set(appId, app);
    const { VHOST, ...facts } = app.facts;
    return [
      'APP_STATE_CHANGE',
      { APP_ID: appId, CURRENT_STATE: state, ...facts, CURRENT_INSTANCES: app.instances, VHOST },
    ];
  }

  private serviceChange(
    serviceId: string,
    state: string,
    instancesPerHost?: number,
  ): [DroveEventType, Metadata] {
    const service = this.services.get(serviceId) ?? { facts: {}, instancesPerHost: 0 };
    if (instancesPerHost !== undefined) service.instancesPerHost = instancesPerHost;
    this.services.set(serviceId, service);
    return [
      'LOCAL_SERVICE_STATE_CHANGE',
      {
        LOCAL_SERVICE_ID: serviceId,
        CURRENT_STATE: state,
        ...service.facts,
        CURRENT_INSTANCES_PER_HOST: service.instancesPerHost,
      },
    ];
  }

  private executorChange(type: DroveEventType, executorId: string): [DroveEventType, Metadata] {
    return [type, { EXECUTOR_ID: executorId, ...this.executors.get(executorId) }];
  }
}
