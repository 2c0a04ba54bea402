import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import {
  Clock,
  ClusterOpSpecDto,
  DEFAULT_CLUSTER_OP_SPEC,
  IdGenerator,
  InstanceState,
  applicationDecider,
  applicationStream,
  executorDecider,
  executorStream,
  requestHeader,
} from '@drove/domain';
import { INTERNAL_OP_SPEC, wireOpSpec } from '../cluster-options/cluster-options.tokens';
import { MaintenanceWindow } from '../cqrs/maintenance-window';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { CLOCK, ID_GENERATOR } from '../event-store/event-store.tokens';
import { FENCE, Fence } from '../event-store/fence';
import { ExecutorRegistry } from '../executors/executor-registry';
import { EXECUTOR_MESSENGER, ExecutorMessenger } from '../messaging/executor-messenger';
import { ClusterViewService } from '../projections/cluster-view.service';
import { healthyInstanceIdsOf, stateOf } from '../projections/instance-queries';
import { RUN_SAGAS } from '../sagas/application-operations.saga';
import { SYSTEM_ACTOR } from '../cqrs/request-actor';
import { MoveRetries, capacityFingerprint } from './move-retries';

const TICK_MS = 1000;

/** An instance in one of these is, or may yet become, HEALTHY: the executor is not empty while one is there. */
const MAY_SERVE: readonly InstanceState[] = [
  'PENDING',
  'PROVISIONING',
  'STARTING',
  'UNREADY',
  'READY',
  'HEALTHY',
];

/**
 * Moves the instances off executors whose blacklisting was requested, on the leader: for each app with HEALTHY
 * instances there and no operation running, REPLACE_INSTANCES of those (start new elsewhere, then stop old; the
 * registry keeps the executor away from the scheduler); once nothing there serves or is starting, BLACKLIST is
 * sent and recorded. The pending set is read from the log on leading, so a new leader finishes the move.
 * A replace that found no room is asked again only when capacity changes or after a back-off (MoveRetries).
 */
@Injectable()
export class ExecutorEvacuation implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ExecutorEvacuation');
  private readonly pending = new Set<string>();
  private readonly retries = new MoveRetries();
  private scannedFor: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  private stopListening: (() => void) | undefined;
  private ticking = false;
  /** Blacklist requests being served, and a count of their starts and ends: a re-send must not race one. */
  private requestsInFlight = 0;
  private requestEpoch = 0;

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly clusterView: ClusterViewService,
    private readonly registry: ExecutorRegistry,
    private readonly maintenance: MaintenanceWindow,
    @Inject(EXECUTOR_MESSENGER) private readonly messenger: ExecutorMessenger,
    @Inject(FENCE) private readonly fence: Fence,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(RUN_SAGAS) private readonly enabled: boolean,
    @Optional()
    @Inject(INTERNAL_OP_SPEC)
    private readonly internalOpSpec: ClusterOpSpecDto = DEFAULT_CLUSTER_OP_SPEC,
  ) {}

  onApplicationBootstrap(): void {
    this.stopListening = this.registry.onChange((change) => {
      if (change.type === 'UPDATED' && this.fence.path() !== null)
        void this.follow(change.identity.executorId, false);
    });
    if (this.enabled) this.timer = setInterval(() => void this.tick(), TICK_MS);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.stopListening?.();
  }

  /** The blacklisting service serves a request meanwhile. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.requestsInFlight += 1;
    this.requestEpoch += 1;
    try {
      return await work();
    } finally {
      this.requestsInFlight -= 1;
      this.requestEpoch += 1;
    }
  }

  /** The blacklisting service recorded a request: start moving at once. */
  requested(executorId: string): void {
    this.pending.add(executorId);
    // asked again by an operator: move at once, whatever back-off an earlier request left
    this.retries.forget(executorId);
    this.registry.cordon(executorId, true);
  }

  unblacklisted(executorId: string): void {
    this.pending.delete(executorId);
    this.retries.forget(executorId);
    this.registry.cordon(executorId, false);
  }

  /** Healthy instances on these executors: for the completion estimate. */
  healthyOn(executorIds: string[]): number {
    const view = this.clusterView.view;
    return view
      .applications()
      .flatMap((app) => view.instancesOf(app.appId as string))
      .filter((i) => i.state === 'HEALTHY' && executorIds.includes(i.executorId as string)).length;
  }

  async tick(): Promise<void> {
    const fence = this.fence.path();
    if (fence === null || this.ticking) return;
    this.ticking = true;
    try {
      if (this.scannedFor !== fence) {
        this.pending.clear();
        this.retries.clear();
        for (const { executorId } of this.registry.identities()) await this.follow(executorId, true);
        this.scannedFor = fence;
      }
      // maintenance pauses changes: the move waits for the window to close
      if (this.maintenance.covers(this.clusterView.view.cluster, this.clock.now())) return;
      for (const executorId of [...this.pending]) await this.evacuate(executorId);
    } catch (error) {
      this.logger.warn(`evacuation pass failed: ${String(error)}`);
    } finally {
      this.ticking = false;
    }
  }

  /**
   * Takes the log's word on one executor: cordoned while (being) blacklisted, pending while requested. Only the
   * scan on leading also lifts (`exact`): an executor reports BLACKLIST_REQUESTED before the request is recorded,
   * and that report must not undo the request being made. An executor the log has blacklisted that reports
   * ACTIVE (restarted, say) is told again.
   */
  private async follow(executorId: string, exact: boolean): Promise<void> {
    const epoch = this.requestEpoch;
    const { state } = await this.pipeline.load(executorDecider, executorStream(executorId));
    // An unblacklisted executor reports ACTIVE before the log says so: while a request is served (or if one was
    // meanwhile) the state read may predate it, and neither its cordon nor a re-send may undo the request.
    const raced = this.requestsInFlight > 0 || epoch !== this.requestEpoch;
    if (raced && !exact) return;
    if (exact || state.blacklist !== 'NONE') this.registry.cordon(executorId, state.blacklist !== 'NONE');
    if (state.blacklist === 'REQUESTED') this.pending.add(executorId);
    if (state.blacklist === 'NONE' || raced) return;
    if (this.registry.get(executorId)?.executorState !== 'ACTIVE') return;
    await this.tell(executorId, state.blacklist === 'BLACKLISTED' ? 'BLACKLIST' : 'BLACKLIST_REQUESTED');
  }

  private async tell(executorId: string, type: 'BLACKLIST' | 'BLACKLIST_REQUESTED'): Promise<boolean> {
    const address = this.registry.address(executorId);
    if (!address) return false;
    const sent = await this.messenger.send(address, {
      type,
      header: requestHeader('CONTROLLER', this.ids, this.clock),
      address,
    });
    if (sent.status !== 'ACCEPTED')
      this.logger.warn(`${executorId}: ${type} not accepted (${sent.error ?? sent.status})`);
    return sent.status === 'ACCEPTED';
  }

  private async evacuate(executorId: string): Promise<void> {
    const view = this.clusterView.view;
    const capacity = capacityFingerprint(this.registry.all(), (id) => this.registry.isCordoned(id));
    let remaining = 0;
    for (const app of view.applications()) {
      const appId = app.appId as string;
      const here = view.instancesOf(appId).filter((i) => i.executorId === executorId);
      remaining += here.filter((i) => MAY_SERVE.includes(stateOf(i))).length;
      const healthyHere = here.filter((i) => i.state === 'HEALTHY').map((i) => i.instanceId as string);
      if (healthyHere.length === 0) this.retries.moved(executorId, appId);
      if (healthyHere.length === 0 || app.operation) continue;
      const now = this.clock.now();
      if (!this.retries.due(executorId, appId, capacity, now)) continue;
      this.retries.asked(executorId, appId, capacity, now);
      await this.replace(executorId, appId, healthyHere);
    }
    if (remaining > 0) return;
    await this.confirm(executorId);
  }

  private async replace(executorId: string, appId: string, instanceIds: string[]): Promise<void> {
    const outcome = await this.pipeline.execute(
      applicationDecider,
      applicationStream(appId),
      {
        type: 'ReplaceApplicationInstances',
        appId,
        instanceIds,
        stopFirst: false,
        opSpec: wireOpSpec(this.internalOpSpec),
        healthyInstanceIds: healthyInstanceIdsOf(this.clusterView.view, appId),
        at: this.clock.now(),
      },
      { actor: SYSTEM_ACTOR },
    );
    if (outcome.ok) this.logger.log(`${executorId}: replacing ${instanceIds.length} of ${appId}`);
    else this.logger.warn(`${executorId}: ${appId} not replaced: ${outcome.error.messages.join(', ')}`);
  }

  private async confirm(executorId: string): Promise<void> {
    if (!(await this.tell(executorId, 'BLACKLIST'))) return;
    const outcome = await this.pipeline.execute(
      executorDecider,
      executorStream(executorId),
      { type: 'ConfirmExecutorBlacklist', executorId, at: this.clock.now() },
      { actor: SYSTEM_ACTOR },
    );
    if (outcome.ok) {
      this.pending.delete(executorId);
      this.retries.forget(executorId);
    }
    this.logger.log(`${executorId}: blacklisted, no instance left`);
  }
}
