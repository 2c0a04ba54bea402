import {
  AnyInstanceInfoJson,
  ExecutorAddressJson,
  ExecutorMessage,
  ExecutorNodeDataJson,
  ExecutorResourceSnapshotJson,
  ExecutorState,
  InstanceInfoJson,
  InstanceState,
  LocalServiceInstanceInfoJson,
  StartInstanceMessage,
  StartLocalServiceInstanceMessage,
  isLocalServiceInstance,
} from '@drove/domain';
import { ExecutorMessenger, SendResult } from '../messaging/executor-messenger';

export const EXECUTOR_HEADERS = { 'cluster-authorization': 'DefaultExecutorSecret', nodeid: 'exec-1' };

const START_PATH: InstanceState[] = ['PENDING', 'PROVISIONING', 'STARTING', 'UNREADY', 'READY', 'HEALTHY'];
const STOP_PATH: InstanceState[] = ['STOPPING', 'DEPROVISIONING', 'STOPPED'];
// the final DEPROVISIONING/STOPPED reports are left out, as when they carry the same `updated` and are dropped
const FAILED_START_PATH: InstanceState[] = ['PENDING', 'PROVISIONING', 'STARTING', 'START_FAILED'];
const STALLED_START_PATH: InstanceState[] = ['PENDING', 'PROVISIONING', 'STARTING'];
const DEATH_PATH: InstanceState[] = ['UNHEALTHY', 'DEPROVISIONING', 'STOPPED'];

const BLACKLIST_STATES: Partial<Record<ExecutorMessage['type'], ExecutorState>> = {
  BLACKLIST_REQUESTED: 'BLACKLIST_REQUESTED',
  BLACKLIST: 'BLACKLISTED',
  UNBLACKLIST: 'ACTIVE',
};

type Report = (path: string, body: unknown) => Promise<unknown>;

/**
 * An executor in the test process: node data with 8 cores and 8 GB on one NUMA node, an ExecutorMessenger that
 * answers START/STOP of app and local-service instances as Drove's executor does, then walks the instance
 * through its states, pushing each as a state report through the controller's own `POST /apis/v1/messages`.
 */
export class FakeExecutor implements ExecutorMessenger {
  readonly received: ExecutorMessage[] = [];
  /** What START_INSTANCE is answered with; anything but ACCEPTED makes the controller retry and give up. */
  startAnswer: SendResult = { status: 'ACCEPTED' };
  /** Accepted starts fail in STARTING (the container would not start). */
  failStarts = false;
  /** Accepted starts stay in STARTING (a start that times out). */
  stallStarts = false;
  /** What STOP of an instance it runs is answered with; anything but ACCEPTED leaves the instance running. */
  stopAnswer: SendResult = { status: 'ACCEPTED' };
  /** While set, started instances wait for it before reporting anything. */
  hold: Promise<void> | undefined;
  /** Follows BLACKLIST_REQUESTED / BLACKLIST / UNBLACKLIST as the real executor does (UNREADY skipped). */
  executorState: ExecutorState = 'ACTIVE';
  private readonly instances = new Map<string, AnyInstanceInfoJson>();
  private tick = 0;
  report: Report = () => Promise.resolve();

  constructor(
    readonly executorId = 'exec-1-id',
    readonly hostname = 'exec-1',
    readonly port = 3000,
  ) {}

  get address(): ExecutorAddressJson {
    return { executorId: this.executorId, hostname: this.hostname, port: this.port, transportType: 'HTTP' };
  }

  /** The EXECUTOR_SNAPSHOT an executor posts to `/apis/v1/messages` to join and to refresh its node data. */
  snapshotMessage(messageTime: number) {
    return {
      type: 'EXECUTOR_SNAPSHOT',
      header: { id: `s-${this.hostname}`, senderType: 'EXECUTOR', direction: 'REQUEST', messageTime },
      nodeData: this.nodeData(),
    };
  }

  nodeData(): ExecutorNodeDataJson {
    return {
      type: 'EXECUTOR',
      hostname: this.hostname,
      port: this.port,
      transportType: 'HTTP',
      updated: this.next(),
      state: this.resources(),
      instances: this.all().filter((i): i is InstanceInfoJson => !isLocalServiceInstance(i)),
      tasks: [],
      serviceInstances: this.all().filter(isLocalServiceInstance),
      tags: [this.hostname],
      metadata: {},
      executorState: this.executorState,
    };
  }

  send(_address: ExecutorAddressJson, message: ExecutorMessage): Promise<SendResult> {
    this.received.push(message);
    if (message.type === 'START_INSTANCE' || message.type === 'START_LOCAL_SERVICE_INSTANCE') {
      const path = this.failStarts ? FAILED_START_PATH : this.stallStarts ? STALLED_START_PATH : START_PATH;
      if (this.startAnswer.status === 'ACCEPTED') void this.walk(this.started(message), path);
      return Promise.resolve(this.startAnswer);
    }
    if (message.type === 'STOP_INSTANCE' || message.type === 'STOP_LOCAL_SERVICE_INSTANCE') {
      const info = this.instances.get(message.instanceId);
      if (!info) return Promise.resolve({ status: 'FAILED' });
      if (this.stopAnswer.status !== 'ACCEPTED') return Promise.resolve(this.stopAnswer);
      void this.walk(info, STOP_PATH);
      return Promise.resolve({ status: 'ACCEPTED' });
    }
    const blacklisting = BLACKLIST_STATES[message.type];
    if (!blacklisting) return Promise.resolve({ status: 'FAILED' });
    this.executorState = blacklisting;
    return Promise.resolve({ status: 'ACCEPTED' });
  }

  /** The container died: health checks fail, the executor cleans up and reports it STOPPED. */
  async die(instanceId: string): Promise<void> {
    const info = this.instances.get(instanceId);
    if (info) await this.walk(info, DEATH_PATH);
  }

  /** The instances it runs now, app and local-service ones. */
  all(): AnyInstanceInfoJson[] {
    return [...this.instances.values()];
  }

  private started(message: StartInstanceMessage | StartLocalServiceInstanceMessage): AnyInstanceInfoJson {
    const { spec } = message;
    const owner =
      'serviceId' in spec
        ? { serviceId: spec.serviceId, serviceName: spec.serviceName }
        : { appId: spec.appId, appName: spec.appName };
    const info = {
      ...owner,
      instanceId: spec.instanceId,
      executorId: this.executorId,
      localInfo: { hostname: this.hostname, ports: {} },
      resources: spec.resources,
      state: 'PENDING',
      metadata: {},
      errorMessage: '',
      created: this.next(),
      updated: this.next(),
    } as InstanceInfoJson | LocalServiceInstanceInfoJson;
    this.instances.set(spec.instanceId, info);
    return info;
  }

  private async walk(info: AnyInstanceInfoJson, states: InstanceState[]): Promise<void> {
    await this.hold;
    for (const state of states) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const errorMessage = state === 'START_FAILED' ? 'Requested CPUs are not available' : info.errorMessage;
      const updated = { ...info, state, errorMessage, updated: this.next() };
      if (state === 'STOPPED') this.instances.delete(info.instanceId);
      else this.instances.set(info.instanceId, updated);
      await this.report('/apis/v1/messages', {
        type: isLocalServiceInstance(info) ? 'LOCAL_SERVICE_INSTANCE_STATE_REPORT' : 'INSTANCE_STATE_REPORT',
        header: {
          id: `r-${this.tick}`,
          senderType: 'EXECUTOR',
          direction: 'REQUEST',
          messageTime: this.tick,
        },
        resourceSnapshot: this.resources(),
        instanceInfo: updated,
      });
    }
  }

  private resources(): ExecutorResourceSnapshotJson {
    const used = this.all().flatMap((i) =>
      i.resources.flatMap((r) => (r.type === 'CPU' ? (r.cores['0'] ?? []) : [])),
    );
    const all = [0, 1, 2, 3, 4, 5, 6, 7];
    return {
      executorId: this.executorId,
      cpus: {
        type: 'CPU',
        freeCores: { '0': all.filter((c) => !used.includes(c)) },
        usedCores: { '0': used },
      },
      memory: { type: 'MEMORY', freeMemory: { '0': 8192 }, usedMemory: { '0': 0 } },
      layout: { cores: { '0': all }, memory: { '0': 8192 } },
    };
  }

  private next(): number {
    this.tick += 1;
    return 1_700_000_000_000 + this.tick;
  }
}
