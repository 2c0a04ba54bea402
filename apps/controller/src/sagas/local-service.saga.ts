import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import {
  ActivationState,
  Clock,
  ClusterOpSpecDto,
  ClusterOpSpecJson,
  DEFAULT_CLUSTER_OP_SPEC,
  InstanceAggregate,
  LocalServiceAggregate,
  LocalServiceSpecJson,
  OperationOutcome,
  ACTIVE_INSTANCE_STATES,
  localServiceDecider,
  localServiceStream,
  planLocalServiceInstances,
} from '@drove/domain';
import { INTERNAL_OP_SPEC, wireOpSpec } from '../cluster-options/cluster-options.tokens';
import { MaintenanceWindow } from '../cqrs/maintenance-window';
import { CLOCK } from '../event-store/event-store.tokens';
import { FENCE, Fence } from '../event-store/fence';
import { ExecutorRegistry } from '../executors/executor-registry';
import { ClusterViewService } from '../projections/cluster-view.service';
import { stateOf } from '../projections/instance-queries';
import { RUN_SAGAS } from './application-operations.saga';
import { InstanceJobs } from './instance-jobs';
import { LOCAL_SERVICE_EXECUTOR_STATES, LocalServiceInstanceJobs } from './local-service-instance-jobs';
import { GIVE_UP_STATES, LeadershipLostError, inParallel } from './instance-waits';
import { OperationFailures } from './operation-failures';
import { pairsToRun, runPair } from './replace-pairs';
import { StaleInstances } from './stale-instances';

const TICK_MS = 500;
/** A service at rest is checked this often (Drove's LocalServiceMonitor runs every 5 s). */
export const LOCAL_SERVICE_MONITOR_MS = Symbol('LocalServiceMonitorMs');
const RETRY_PASS_MS = 2000;

type OperationType = NonNullable<LocalServiceAggregate['operation']>['type'];

/** The activation state an operation converges to; the others keep the service's own. */
const TARGET: Partial<Record<OperationType, ActivationState>> = {
  ACTIVATE: 'ACTIVE',
  DEACTIVATE: 'INACTIVE',
  DESTROY: 'INACTIVE',
  DEPLOY_TEST_INSTANCE: 'CONFIG_TESTING',
};

/**
 * Local services on the leader, as a reconcile loop over the log. At rest (Drove's LocalServiceMonitor, outside
 * the maintenance window): an ACTIVE service keeps `instancesPerHost` instances on every ACTIVE or UNREADY,
 * not-blacklisted executor (so an executor that joins later gets them), CONFIG_TESTING keeps one, INACTIVE none;
 * instances on other executors are stopped. An operation is one such pass towards its target (ACTIVATE ->
 * ACTIVE, DEACTIVATE/DESTROY -> INACTIVE, UPDATE_INSTANCE_COUNT with the new count...), then it completes, as
 * Drove's actions flip the state and leave the rest to the monitor; DESTROY completes only once no instance is
 * left. STOP_INSTANCES stops the listed ones; REPLACE_INSTANCES and RESTART replace each (or every) instance on
 * its own executor, new then old, or the reverse with stopFirst. At rest, as Drove's monitor does, instances not
 * heard of within the staleness are first marked LOST, so the pass replaces them. A service parked in
 * EMERGENCY_DEACTIVATION_REQUESTED (a cancelled ADJUST_INSTANCES, see the decider) is left alone, as Drove's
 * monitor leaves it, until a DEACTIVATE.
 */
@Injectable()
export class LocalServiceSaga implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('LocalServiceSaga');
  private readonly running = new Set<string>();
  private readonly nextPassAt = new Map<string, number>();
  /** The service's `updated` at its last pass. */
  private readonly seen = new Map<string, number | undefined>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly jobs: InstanceJobs,
    private readonly serviceJobs: LocalServiceInstanceJobs,
    private readonly clusterView: ClusterViewService,
    private readonly registry: ExecutorRegistry,
    private readonly maintenance: MaintenanceWindow,
    private readonly staleInstances: StaleInstances,
    @Inject(FENCE) private readonly fence: Fence,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUN_SAGAS) private readonly enabled: boolean,
    @Inject(LOCAL_SERVICE_MONITOR_MS) private readonly monitorMs: number,
    @Optional()
    @Inject(INTERNAL_OP_SPEC)
    private readonly internalOpSpec: ClusterOpSpecDto = DEFAULT_CLUSTER_OP_SPEC,
  ) {}

  onApplicationBootstrap(): void {
    if (this.enabled) this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  tick(): void {
    if (this.fence.path() === null) return;
    for (const service of this.clusterView.view.localServices()) {
      const serviceId = service.serviceId as string;
      if (this.running.has(serviceId)) continue;
      // a change in the log (a new operation, a cancel) is taken up at once; otherwise the next pass waits its time
      const changed = this.seen.get(serviceId) !== service.updated;
      if (!changed && (this.nextPassAt.get(serviceId) ?? 0) > Date.now()) continue;
      this.seen.set(serviceId, service.updated);
      this.running.add(serviceId);
      this.pass(serviceId)
        .catch((error: unknown) => {
          if (!(error instanceof LeadershipLostError)) this.logger.error(`${serviceId}: ${String(error)}`);
          this.nextPassAt.set(serviceId, Date.now() + RETRY_PASS_MS);
        })
        .finally(() => this.running.delete(serviceId));
    }
  }

  private async pass(serviceId: string): Promise<void> {
    const service = this.service(serviceId);
    const op = service.operation;
    if (!op) {
      this.nextPassAt.set(serviceId, Date.now() + this.monitorMs);
      if (service.state === 'EMERGENCY_DEACTIVATION_REQUESTED') return;
      const now = this.clock.now();
      if (this.maintenance.covers(this.clusterView.view.cluster, now)) return;
      await this.staleInstances.markLost(this.clusterView.view.serviceInstancesOf(serviceId), now);
      return this.converge(
        service,
        service.activationState,
        service.instancesPerHost,
        wireOpSpec(this.internalOpSpec),
        () => false,
      );
    }
    const opSpec = op.opSpec ?? wireOpSpec(this.internalOpSpec);
    let failures: OperationFailures | undefined;
    if (!service.cancelRequested) {
      if (op.type === 'STOP_INSTANCES')
        failures = await this.stopListed(serviceId, op.instanceIds ?? [], opSpec);
      else if (op.type === 'REPLACE_INSTANCES' || op.type === 'RESTART') {
        failures = await this.replace(service, op.instanceIds ?? [], op.stopFirst ?? false, opSpec);
      } else {
        const target = TARGET[op.type] ?? service.activationState;
        const perHost = op.instancesPerHost ?? service.instancesPerHost;
        await this.converge(service, target, perHost, opSpec, this.cancelled(serviceId));
      }
    }
    const cancelled = this.service(serviceId).cancelRequested;
    if (!cancelled && op.type === 'DESTROY' && this.active(serviceId).length > 0) {
      this.nextPassAt.set(serviceId, Date.now() + RETRY_PASS_MS);
      return;
    }
    const { outcome, error } = failures?.outcome(cancelled) ?? {
      outcome: cancelled ? 'CANCELLED' : 'SUCCEEDED',
    };
    await this.complete(serviceId, outcome, error);
  }

  /**
   * Waits for starts in flight (maybe a previous leader's), then starts what is missing and stops the surplus.
   * No start or stop begins once the operation is cancelled; those under way finish.
   */
  private async converge(
    service: LocalServiceAggregate,
    activation: ActivationState,
    instancesPerHost: number,
    opSpec: ClusterOpSpecJson,
    cancelled: () => boolean,
  ): Promise<void> {
    const serviceId = service.serviceId as string;
    const spec = service.spec as LocalServiceSpecJson;
    const parallelism = Math.max(1, opSpec.parallelism);
    const inFlight = this.active(serviceId).filter(
      (i) => i.state !== 'HEALTHY' && !GIVE_UP_STATES.includes(stateOf(i)),
    );
    await inParallel(inFlight, parallelism, (i) => this.jobs.awaitStarted(i, opSpec, spec));
    const plan = planLocalServiceInstances(
      activation,
      instancesPerHost,
      this.executors(),
      this.summaries(serviceId),
    );
    const starts = plan.toStart.flatMap(({ executorId, count }) => Array<string>(count).fill(executorId));
    if (starts.length + plan.toStop.length > 0) {
      this.logger.log(
        `${serviceId}: ${activation}, starting ${starts.length}, stopping ${plan.toStop.length}`,
      );
    }
    await inParallel(starts, parallelism, async (executorId) => {
      if (!cancelled()) await this.serviceJobs.startOn(serviceId, spec, opSpec, executorId);
    });
    await inParallel(plan.toStop, parallelism, async (id) => {
      if (!cancelled()) await this.jobs.stop(id, opSpec);
    });
  }

  private async stopListed(serviceId: string, instanceIds: string[], opSpec: ClusterOpSpecJson) {
    const active = new Set(this.active(serviceId).map((i) => i.instanceId));
    const listed = instanceIds.filter((id) => active.has(id));
    const failures = new OperationFailures(listed.length, 'stopped');
    await inParallel(listed, Math.max(1, opSpec.parallelism), (id) =>
      failures.run(this.cancelled(serviceId), () => this.jobs.stop(id, opSpec)),
    );
    return failures;
  }

  /**
   * Each instance (all when none are listed) replaced on its own executor, new then old or the reverse with
   * stopFirst: a new instance that never became HEALTHY leaves the old one running. No pair begins after a
   * failed one.
   */
  private async replace(
    service: LocalServiceAggregate,
    instanceIds: string[],
    stopFirst: boolean,
    opSpec: ClusterOpSpecJson,
  ) {
    const serviceId = service.serviceId as string;
    const spec = service.spec as LocalServiceSpecJson;
    const all = () => this.clusterView.view.serviceInstancesOf(serviceId);
    // RESTART lists none: every instance but the replacements this operation started (a new leader resuming it)
    const listed = all().filter((i) =>
      instanceIds.length > 0 ? instanceIds.includes(i.instanceId as string) : !this.startedBy(i, service),
    );
    const running = (i: InstanceAggregate) => ACTIVE_INSTANCE_STATES.includes(stateOf(i));
    const todo = pairsToRun(listed, all(), stopFirst, running);
    const failures = new OperationFailures(todo.length, 'replaced');
    await inParallel(todo, Math.max(1, opSpec.parallelism), (old) =>
      failures.run(this.cancelled(serviceId), () =>
        runPair(old, stopFirst, {
          stop: (id) => this.jobs.stop(id, opSpec),
          all,
          awaitStarted: (instance) => this.jobs.awaitStarted(instance, opSpec, spec),
          start: ({ instanceId, executorId }) =>
            this.serviceJobs.startOn(serviceId, spec, opSpec, executorId as string, instanceId),
        }),
      ),
    );
    return failures;
  }

  private async complete(serviceId: string, outcome: OperationOutcome, error?: string): Promise<void> {
    await this.jobs.execute(localServiceDecider, localServiceStream(serviceId), {
      type: 'CompleteLocalServiceOperation',
      serviceId,
      outcome,
      ...(error !== undefined ? { error } : {}),
      at: this.clock.now(),
    });
    this.nextPassAt.set(serviceId, Date.now() + this.monitorMs);
    this.logger.log(`${serviceId}: operation ${outcome}${error ? `: ${error}` : ''}`);
  }

  /**
   * A replacement the running operation started: the operation's request is the service's last change, as
   * a replace pass runs only while no cancel has been recorded.
   */
  private startedBy(instance: InstanceAggregate, service: LocalServiceAggregate): boolean {
    return instance.replaces !== undefined && (instance.created ?? 0) >= (service.updated ?? 0);
  }

  private cancelled(serviceId: string) {
    return () => this.service(serviceId).cancelRequested;
  }

  /** Executors that may run the service's instances: ACTIVE or UNREADY, and not being blacklisted. */
  private executors() {
    return this.registry.all().map((data) => {
      const executorId = data.state.executorId;
      const state = data.executorState ?? 'ACTIVE';
      return {
        executorId,
        schedulable: LOCAL_SERVICE_EXECUTOR_STATES.has(state) && !this.registry.isCordoned(executorId),
      };
    });
  }

  /** Instances in Drove's active states: running, or on their way up or down. */
  private active(serviceId: string) {
    return this.clusterView.view
      .serviceInstancesOf(serviceId)
      .filter((i) => ACTIVE_INSTANCE_STATES.includes(stateOf(i)));
  }

  private summaries(serviceId: string) {
    return this.clusterView.view.serviceInstancesOf(serviceId).map((i) => ({
      instanceId: i.instanceId as string,
      executorId: i.executorId as string,
      state: stateOf(i),
      created: i.created ?? 0,
    }));
  }

  private service(serviceId: string): LocalServiceAggregate {
    const service = this.clusterView.view.localService(serviceId);
    if (!service) throw new Error(`local service ${serviceId} is not in the view`);
    return service;
  }
}
