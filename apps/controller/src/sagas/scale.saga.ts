import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  ApplicationAggregate,
  ApplicationSpecJson,
  Clock,
  ClusterOpSpecJson,
  Decider,
  DomainEvent,
  IdGenerator,
  InstanceAggregate,
  InstanceState,
  OperationOutcome,
  RUNNING_INSTANCE_STATES,
  TERMINAL_INSTANCE_STATES,
  applicationDecider,
  applicationInstanceSpec,
  applicationStream,
  instanceDecider,
  instanceStream,
  planScale,
  requestHeader,
  startTimeoutMs,
  stopTimeoutMs,
} from '@drove/domain';
import { SchedulingSession, toDroveResourceAllocations } from '@drove/scheduler';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { CLOCK, CONTROLLER_HOSTNAME, ID_GENERATOR } from '../event-store/event-store.tokens';
import { FENCE, Fence } from '../event-store/fence';
import { ExecutorRegistry } from '../executors/executor-registry';
import { EXECUTOR_MESSENGER, ExecutorMessenger } from '../messaging/executor-messenger';
import { ClusterViewService } from '../projections/cluster-view.service';
import { stateOf } from '../projections/instance-queries';
import { GIVE_UP_STATES, LeadershipLostError, POLL_MS, inParallel, sleep } from './instance-waits';

/** Drove retries a failed start twice with a fresh instance id, 1 s apart. */
const START_ATTEMPTS = 3;
/** After a pass that did not reach the required count, the next pass waits this long (Drove retries forever). */
const RETRY_PASS_MS = 2000;
const TICK_MS = 500;

export const RUN_SAGAS = Symbol('RunSagas');

/**
 * Carries out SCALE (also CREATE with instances, START_INSTANCES, SUSPEND, RECOVER, which the decider turns into
 * a scaling request) and DESTROY, on the leader only. A reconcile loop over the log: each pass waits for instances
 * already requested (a new leader resumes them instead of starting more), then starts the shortfall (placed by
 * the scheduler in one session, `InstanceStartRequested` recorded before START_INSTANCE is sent) or stops the
 * oldest surplus, and completes the operation once the HEALTHY count is the required one. Every step is in the
 * log; nothing is kept across passes but a retry time.
 */
@Injectable()
export class ScaleSaga implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ScaleSaga');
  private readonly running = new Set<string>();
  private readonly retryAt = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly clusterView: ClusterViewService,
    private readonly registry: ExecutorRegistry,
    @Inject(EXECUTOR_MESSENGER) private readonly messenger: ExecutorMessenger,
    @Inject(FENCE) private readonly fence: Fence,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(CONTROLLER_HOSTNAME) private readonly hostname: string,
    @Inject(RUN_SAGAS) private readonly enabled: boolean,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Starts a pass for every app with an operation this saga carries out and no pass running. */
  tick(): void {
    if (this.fence.path() === null) return;
    for (const app of this.clusterView.view.applications()) {
      const appId = app.appId as string;
      const op = app.operation?.type;
      if ((op !== 'SCALE_INSTANCES' && op !== 'DESTROY') || this.running.has(appId)) continue;
      if ((this.retryAt.get(appId) ?? 0) > Date.now()) continue;
      this.running.add(appId);
      this.pass(appId)
        .catch((error: unknown) => {
          if (!(error instanceof LeadershipLostError)) this.logger.error(`${appId}: ${String(error)}`);
          this.retryAt.set(appId, Date.now() + RETRY_PASS_MS);
        })
        .finally(() => this.running.delete(appId));
    }
  }

  private async pass(appId: string): Promise<void> {
    const app = this.app(appId);
    const op = app.operation;
    if (!op || (op.type !== 'SCALE_INSTANCES' && op.type !== 'DESTROY')) return;
    const spec = app.spec as ApplicationSpecJson;
    const required = op.type === 'DESTROY' ? 0 : op.requiredInstances;
    const parallelism = Math.max(1, op.opSpec.parallelism);
    await inParallel(this.inFlight(appId), parallelism, (i) => this.awaitStarted(i, op.opSpec, spec));
    if (!app.cancelRequested) {
      const plan = planScale(required, this.summaries(appId));
      if (plan.toStart > 0) await this.startAll(appId, spec, op.opSpec, plan.toStart);
      await inParallel(plan.toStop, parallelism, (id) => this.stop(id, op.opSpec));
    }
    await this.completeIfDone(appId, required);
  }

  private async completeIfDone(appId: string, required: number): Promise<void> {
    const app = this.app(appId);
    const healthy = this.clusterView.view.instancesOf(appId).filter((i) => i.state === 'HEALTHY').length;
    const active = this.summaries(appId).filter((i) => !TERMINAL_INSTANCE_STATES.includes(i.state)).length;
    let outcome: OperationOutcome | undefined;
    if (app.cancelRequested) outcome = 'CANCELLED';
    else if (healthy === required && active === required) outcome = 'SUCCEEDED';
    if (!outcome) {
      this.retryAt.set(appId, Date.now() + RETRY_PASS_MS);
      return;
    }
    this.retryAt.delete(appId);
    await this.execute(applicationDecider, applicationStream(appId), {
      type: 'CompleteApplicationOperation',
      appId,
      outcome,
      healthyInstances: healthy,
      at: this.clock.now(),
    });
    this.logger.log(`${appId}: operation ${outcome}, ${healthy} healthy`);
  }

  private async startAll(appId: string, spec: ApplicationSpecJson, opSpec: ClusterOpSpecJson, count: number) {
    const existing = this.clusterView.view
      .instancesOf(appId)
      .filter((i) => !TERMINAL_INSTANCE_STATES.includes(stateOf(i)))
      .map((i) => i.executorId as string);
    const session = this.registry.scheduler.openSession({
      deployableId: appId,
      kind: 'APPLICATION',
      policy: spec.placementPolicy,
      env: (spec.env as Record<string, string> | undefined) ?? {},
      existingInstances: existing,
    });
    try {
      const slots = Array.from({ length: count }, (_, i) => i);
      await inParallel(slots, opSpec.parallelism, () => this.startOne(appId, spec, opSpec, session));
    } finally {
      session.close();
    }
  }

  /** One instance, Drove's StartSingleInstanceJob: place, record, send START, wait for HEALTHY; up to 3 tries. */
  private async startOne(
    appId: string,
    spec: ApplicationSpecJson,
    opSpec: ClusterOpSpecJson,
    session: SchedulingSession,
  ): Promise<void> {
    for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      if (attempt > 1) await sleep(1000);
      const instanceId = `AI-${this.ids.uuid()}`;
      const placed = session.place({ instanceId, resources: spec.resources });
      if (!placed.ok) {
        this.logger.warn(`${appId}: no placement: ${placed.failure.message}`);
        return;
      }
      const { executorId } = placed.allocation;
      const address = this.registry.address(executorId);
      const resources = toDroveResourceAllocations(placed.allocation);
      if (!address) {
        session.release(instanceId);
        continue;
      }
      await this.execute(instanceDecider, instanceStream(instanceId), {
        type: 'RequestInstanceStart',
        instanceId,
        kind: 'APPLICATION',
        ownerId: appId,
        executorId,
        resources,
        at: this.clock.now(),
      });
      const instanceSpec = applicationInstanceSpec(appId, spec, { instanceId, resources });
      const sent = await this.messenger.send(address, {
        type: 'START_INSTANCE',
        header: requestHeader('CONTROLLER', this.ids, this.clock),
        address,
        spec: instanceSpec,
      });
      const healthy =
        sent.status === 'ACCEPTED'
          ? await this.waitFor(instanceId, startTimeoutMs(opSpec, spec), (s) => s === 'HEALTHY')
          : false;
      if (healthy) {
        session.confirm(instanceId);
        return;
      }
      session.release(instanceId);
      await this.giveUp(instanceId, sent.error ?? 'Instance did not become healthy in time');
    }
  }

  /** Instances requested before this pass (maybe by a previous leader) and not settled: wait for them. */
  private inFlight(appId: string): InstanceAggregate[] {
    return this.clusterView.view
      .instancesOf(appId)
      .filter((i) => i.state !== 'HEALTHY' && !GIVE_UP_STATES.includes(stateOf(i)));
  }

  private async awaitStarted(
    instance: InstanceAggregate,
    opSpec: ClusterOpSpecJson,
    spec: ApplicationSpecJson,
  ) {
    const id = instance.instanceId as string;
    const budget = startTimeoutMs(opSpec, spec) - Math.max(0, this.clock.now() - (instance.created ?? 0));
    const healthy = await this.waitFor(id, Math.max(budget, POLL_MS), (s) => s === 'HEALTHY');
    if (!healthy) await this.giveUp(id, 'Instance did not become healthy in time');
  }

  /** Stop one instance (Drove's StopSingleInstanceJob): record the request, send STOP, wait for STOPPED. */
  private async stop(instanceId: string, opSpec: ClusterOpSpecJson): Promise<void> {
    const instance = this.clusterView.view.instance(instanceId);
    const address = instance?.executorId ? this.registry.address(instance.executorId) : undefined;
    if (!instance || !address || !RUNNING_INSTANCE_STATES.includes(stateOf(instance))) {
      await this.giveUp(instanceId, 'Instance lost');
      return;
    }
    await this.execute(instanceDecider, instanceStream(instanceId), {
      type: 'RequestInstanceStop',
      instanceId,
      at: this.clock.now(),
    });
    const sent = await this.messenger.send(address, {
      type: 'STOP_INSTANCE',
      header: requestHeader('CONTROLLER', this.ids, this.clock),
      address,
      instanceId,
    });
    if (sent.status !== 'ACCEPTED') {
      this.logger.warn(`stop of ${instanceId} not accepted: ${sent.error ?? sent.status}`);
      return;
    }
    const stopped = (s: InstanceState) => s === 'STOPPED';
    if (!(await this.waitFor(instanceId, stopTimeoutMs(opSpec), stopped, TERMINAL_INSTANCE_STATES))) {
      this.logger.warn(`${instanceId} not STOPPED within ${stopTimeoutMs(opSpec)} ms`);
    }
  }

  /**
   * An instance that will not become healthy is recorded LOST (unless already terminal) so it no longer counts;
   * if it still runs, STOP is sent, best effort.
   */
  private async giveUp(instanceId: string, reason: string): Promise<void> {
    const instance = this.clusterView.view.instance(instanceId);
    if (!instance?.instanceId || TERMINAL_INSTANCE_STATES.includes(stateOf(instance))) return;
    const address = instance.executorId ? this.registry.address(instance.executorId) : undefined;
    if (address && RUNNING_INSTANCE_STATES.includes(stateOf(instance))) {
      await this.messenger.send(address, {
        type: 'STOP_INSTANCE',
        header: requestHeader('CONTROLLER', this.ids, this.clock),
        address,
        instanceId,
      });
    }
    const now = this.clock.now();
    const app = this.clusterView.view.application(instance.ownerId as string);
    const info = instance.info ?? {
      appId: instance.ownerId as string,
      appName: app?.spec?.name ?? '',
      instanceId,
      executorId: instance.executorId as string,
      resources: instance.resources ?? [],
      metadata: {},
      created: instance.created ?? now,
      updated: 0,
    };
    await this.execute(instanceDecider, instanceStream(instanceId), {
      type: 'RecordInstanceState',
      info: { ...info, state: 'LOST', errorMessage: reason, updated: Math.max(now, info.updated + 1) },
      at: now,
    });
  }

  /** Polls the view until the instance's state passes `done` (true), is in `giveUp` (false), or time is over. */
  private async waitFor(
    instanceId: string,
    timeoutMs: number,
    done: (s: InstanceState) => boolean,
    giveUp: readonly InstanceState[] = GIVE_UP_STATES,
  ) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.fence.path() === null) throw new LeadershipLostError();
      const instance = this.clusterView.view.instance(instanceId);
      const state = instance ? stateOf(instance) : 'PENDING';
      if (done(state)) return true;
      if (giveUp.includes(state) || Date.now() >= deadline) return false;
      await sleep(POLL_MS);
    }
  }

  private summaries(appId: string) {
    return this.clusterView.view.instancesOf(appId).map((i) => ({
      instanceId: i.instanceId as string,
      state: stateOf(i),
      created: i.created ?? 0,
    }));
  }

  private app(appId: string): ApplicationAggregate {
    const app = this.clusterView.view.application(appId);
    if (!app) throw new Error(`app ${appId} is not in the view`);
    return app;
  }

  /** A command through the pipeline, then wait until the view shows it, so the next plan counts it. */
  private async execute<S, C, E extends DomainEvent>(decider: Decider<S, C, E>, stream: string, command: C) {
    if (this.fence.path() === null) throw new LeadershipLostError();
    const outcome = await this.pipeline.execute(decider, stream, command, { actor: this.hostname });
    if (!outcome.ok) {
      this.logger.warn(`${stream}: ${outcome.error.messages.join(', ')}`);
      return;
    }
    const last = outcome.positions[outcome.positions.length - 1];
    if (last !== undefined) await this.clusterView.reached(last);
  }
}
