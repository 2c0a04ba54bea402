import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import {
  ApplicationSpecJson,
  Clock,
  ClusterOpSpecJson,
  Decider,
  DomainEvent,
  ExecutorAddressJson,
  ExecutorMessage,
  IdGenerator,
  InstanceAggregate,
  InstanceKind,
  InstancePlacement,
  InstanceState,
  RUNNING_INSTANCE_STATES,
  TERMINAL_INSTANCE_STATES,
  applicationInstanceSpec,
  instanceDecider,
  instanceStream,
  requestHeader,
  startTimeoutMs,
  stopTimeoutMs,
} from '@drove/domain';
import { PlacementResult, SchedulingSession, toDroveResourceAllocations } from '@drove/scheduler';
import { INSTANCE_TOKENS } from '../auth/auth-settings';
import { InstanceTokens } from '../auth/instance-token';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { CLOCK, ID_GENERATOR } from '../event-store/event-store.tokens';
import { FENCE, Fence } from '../event-store/fence';
import { ExecutorRegistry } from '../executors/executor-registry';
import { EXECUTOR_MESSENGER, ExecutorMessenger } from '../messaging/executor-messenger';
import { ControllerMetrics } from '../metrics/controller-metrics';
import { ClusterViewService } from '../projections/cluster-view.service';
import { stateOf } from '../projections/instance-queries';
import { GIVE_UP_STATES, LeadershipLostError, POLL_MS, sleep } from './instance-waits';
import { JOB_DONE, JobResult } from './operation-failures';
import { SYSTEM_ACTOR } from '../cqrs/request-actor';

/** What starting one instance of an app or a local service needs besides the common steps. */
export interface StartTarget {
  kind: InstanceKind;
  ownerId: string;
  spec: Parameters<typeof startTimeoutMs>[1];
  /** For a REPLACE pair: the old instance, recorded with each attempt so a new leader resumes the pair. */
  replaces?: string;
  newInstanceId(): string;
  place(instanceId: string): PlacementResult;
  message(address: ExecutorAddressJson, placement: InstancePlacement): ExecutorMessage;
}

/** Drove retries a failed start twice with a fresh instance id, 1 s apart. */
const START_ATTEMPTS = 3;

/** States from which the executor itself takes the instance to STOPPED (or that are final already). */
const EXECUTOR_ENDS: readonly InstanceState[] = [
  ...TERMINAL_INSTANCE_STATES,
  'PROVISIONING_FAILED',
  'START_FAILED',
  'READINESS_CHECK_FAILED',
  'UNHEALTHY',
  'STOPPING',
  'DEPROVISIONING',
];

/** Drove's executor protocol has a STOP message per kind of instance. */
const stopMessageType = (instance: InstanceAggregate) =>
  instance.kind === 'LOCAL_SERVICE' ? ('STOP_LOCAL_SERVICE_INSTANCE' as const) : ('STOP_INSTANCE' as const);

/** States in which a stop is already under way: wait for STOPPED, do not send STOP again. */
const STOPPING_STATES: readonly InstanceState[] = ['STOPPING', 'DEPROVISIONING', 'UNHEALTHY'];

/**
 * The per-instance jobs the operation sagas are made of (Drove's StartSingleInstanceJob and
 * StopSingleInstanceJob): each step is recorded in the log before or as it happens; waits read the cluster view.
 */
@Injectable()
export class InstanceJobs implements OnModuleDestroy {
  private readonly logger = new Logger('InstanceJobs');
  // A controller shutting down leaves its sagas as a deposed leader does (the next leader resumes from the log);
  // a wait left polling would otherwise hold the process up to its whole start timeout.
  private closing = false;

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly clusterView: ClusterViewService,
    private readonly registry: ExecutorRegistry,
    @Inject(EXECUTOR_MESSENGER) private readonly messenger: ExecutorMessenger,
    @Inject(FENCE) private readonly fence: Fence,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly metrics: ControllerMetrics,
    @Inject(INSTANCE_TOKENS) private readonly tokens: InstanceTokens,
  ) {}

  onModuleDestroy(): void {
    this.closing = true;
  }

  /** One scheduler session for one pass on the app, closed after `work`. */
  async withSession<T>(
    appId: string,
    spec: ApplicationSpecJson,
    work: (session: SchedulingSession) => Promise<T>,
  ): Promise<T> {
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
      return await work(session);
    } finally {
      session.close();
    }
  }

  /** One app instance, Drove's StartSingleInstanceJob: place, record, send START, wait for HEALTHY; 3 tries. */
  startOne(
    appId: string,
    spec: ApplicationSpecJson,
    opSpec: ClusterOpSpecJson,
    session: SchedulingSession,
    replaces?: string,
  ): Promise<JobResult> {
    return this.start(
      {
        kind: 'APPLICATION',
        ownerId: appId,
        spec,
        ...(replaces !== undefined ? { replaces } : {}),
        newInstanceId: () => `AI-${this.ids.uuid()}`,
        place: (instanceId) => session.place({ instanceId, resources: spec.resources }),
        message: (address, placement) => {
          // minted here and sent only in START_INSTANCE: the log never holds a token
          const { instanceId } = placement;
          const instanceAuthToken = this.tokens.issue({ appId, instanceId, executorId: address.executorId });
          return {
            type: 'START_INSTANCE',
            header: requestHeader('CONTROLLER', this.ids, this.clock),
            address,
            spec: applicationInstanceSpec(appId, spec, { ...placement, instanceAuthToken }),
          };
        },
      },
      opSpec,
      session,
    );
  }

  /**
   * Drove's StartSingleInstanceJob for any kind of instance; a retry has a fresh instance id, 1 s later. When
   * none became HEALTHY, the error says why the last attempt failed (the executor's own message if it sent one).
   */
  async start(
    target: StartTarget,
    opSpec: ClusterOpSpecJson,
    session: SchedulingSession,
  ): Promise<JobResult> {
    const { kind, ownerId, spec, replaces } = target;
    let error = '';
    for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      if (attempt > 1) await sleep(1000);
      const instanceId = target.newInstanceId();
      const placed = this.metrics.timePlacement(() => target.place(instanceId));
      if (!placed.ok) {
        this.logger.warn(`${ownerId}: no placement: ${placed.failure.message}`);
        return { ok: false, error: `No placement: ${placed.failure.message}` };
      }
      const { executorId } = placed.allocation;
      const address = this.registry.address(executorId);
      const resources = toDroveResourceAllocations(placed.allocation);
      if (!address) {
        session.release(instanceId);
        error = `Executor ${executorId} is not reachable`;
        continue;
      }
      await this.execute(instanceDecider, instanceStream(instanceId), {
        type: 'RequestInstanceStart',
        instanceId,
        kind,
        ownerId,
        executorId,
        resources,
        ...(replaces !== undefined ? { replaces } : {}),
        at: this.clock.now(),
      });
      const sent = await this.messenger.send(address, target.message(address, { instanceId, resources }));
      const healthy =
        sent.status === 'ACCEPTED'
          ? await this.waitFor(instanceId, startTimeoutMs(opSpec, spec), (s) => s === 'HEALTHY')
          : false;
      if (healthy) {
        session.confirm(instanceId);
        return JOB_DONE;
      }
      session.release(instanceId);
      const reason = sent.error ?? 'Instance did not become healthy in time';
      error = `${instanceId}: ${this.reportedError(instanceId) || reason}`;
      await this.giveUp(instanceId, reason);
    }
    return { ok: false, error: `no healthy instance after ${START_ATTEMPTS} attempts, last ${error}` };
  }

  /** The error the executor reported for the instance, if any. */
  private reportedError(instanceId: string): string {
    return this.clusterView.view.instance(instanceId)?.info?.errorMessage ?? '';
  }

  /** Instances requested before this pass (maybe by a previous leader) and not settled: wait for them. */
  inFlight(appId: string): InstanceAggregate[] {
    return this.clusterView.view
      .instancesOf(appId)
      .filter((i) => i.state !== 'HEALTHY' && !GIVE_UP_STATES.includes(stateOf(i)));
  }

  /** Whether it became HEALTHY within what is left of its start timeout; if not, it is given up. */
  async awaitStarted(
    instance: InstanceAggregate,
    opSpec: ClusterOpSpecJson,
    spec: Parameters<typeof startTimeoutMs>[1],
  ): Promise<boolean> {
    const id = instance.instanceId as string;
    const budget = startTimeoutMs(opSpec, spec) - Math.max(0, this.clock.now() - (instance.created ?? 0));
    const healthy = await this.waitFor(id, Math.max(budget, POLL_MS), (s) => s === 'HEALTHY');
    if (!healthy) await this.giveUp(id, 'Instance did not become healthy in time');
    return healthy;
  }
  /** Stop one instance: record the request, send STOP (unless a stop is under way), wait for STOPPED. */
  async stop(instanceId: string, opSpec: ClusterOpSpecJson): Promise<JobResult> {
    const instance = this.clusterView.view.instance(instanceId);
    if (!instance || TERMINAL_INSTANCE_STATES.includes(stateOf(instance))) return JOB_DONE;
    const address = instance.executorId ? this.registry.address(instance.executorId) : undefined;
    const state = stateOf(instance);
    if (!address || (!RUNNING_INSTANCE_STATES.includes(state) && !STOPPING_STATES.includes(state))) {
      // its executor is gone or never ran it: nothing is left to stop
      await this.giveUp(instanceId, 'Instance lost');
      return JOB_DONE;
    }
    if (RUNNING_INSTANCE_STATES.includes(state)) {
      await this.execute(instanceDecider, instanceStream(instanceId), {
        type: 'RequestInstanceStop',
        instanceId,
        at: this.clock.now(),
      });
      const sent = await this.messenger.send(address, {
        type: stopMessageType(instance),
        header: requestHeader('CONTROLLER', this.ids, this.clock),
        address,
        instanceId,
      });
      if (sent.status !== 'ACCEPTED') {
        const error = `${instanceId}: stop not accepted by the executor: ${sent.error ?? sent.status}`;
        this.logger.warn(error);
        return { ok: false, error };
      }
    }
    // LOST counts, as it does above: the executor no longer runs it, or is gone with it
    const ended = (s: InstanceState) => TERMINAL_INSTANCE_STATES.includes(s);
    if (await this.waitFor(instanceId, stopTimeoutMs(opSpec), ended, [])) return JOB_DONE;
    const error = `${instanceId}: not STOPPED within ${stopTimeoutMs(opSpec)} ms`;
    this.logger.warn(error);
    return { ok: false, error };
  }

  /**
   * An instance that will not become healthy is recorded LOST so it no longer counts; if it still runs, STOP is
   * sent, best effort. One the executor already failed or is stopping is left to it: it reports it to STOPPED,
   * with its own error message.
   */
  async giveUp(instanceId: string, reason: string): Promise<void> {
    const instance = this.clusterView.view.instance(instanceId);
    if (!instance?.instanceId || EXECUTOR_ENDS.includes(stateOf(instance))) return;
    const address = instance.executorId ? this.registry.address(instance.executorId) : undefined;
    if (address && RUNNING_INSTANCE_STATES.includes(stateOf(instance))) {
      await this.messenger.send(address, {
        type: stopMessageType(instance),
        header: requestHeader('CONTROLLER', this.ids, this.clock),
        address,
        instanceId,
      });
    }
    const now = this.clock.now();
    const info = instance.info ?? {
      ...this.ownerOf(instance),
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
  /** The owner fields of a record for an instance no executor has reported on yet. */
  private ownerOf(instance: InstanceAggregate) {
    const view = this.clusterView.view;
    const ownerId = instance.ownerId as string;
    if (instance.kind === 'LOCAL_SERVICE') {
      return { serviceId: ownerId, serviceName: view.localService(ownerId)?.spec?.name ?? '' };
    }
    return { appId: ownerId, appName: view.application(ownerId)?.spec?.name ?? '' };
  }

  /** Polls the view until the instance's state passes `done` (true), is in `giveUp` (false), or time is over. */
  async waitFor(
    instanceId: string,
    timeoutMs: number,
    done: (s: InstanceState) => boolean,
    giveUp: readonly InstanceState[] = GIVE_UP_STATES,
  ) {
    const deadline = this.clock.now() + timeoutMs;
    for (;;) {
      if (this.fence.path() === null || this.closing) throw new LeadershipLostError();
      const instance = this.clusterView.view.instance(instanceId);
      const state = instance ? stateOf(instance) : 'PENDING';
      if (done(state)) return true;
      if (giveUp.includes(state) || this.clock.now() >= deadline) return false;
      await sleep(POLL_MS);
    }
  }
  /** A command through the pipeline, then wait until the view shows it, so the next plan counts it. */
  /** False when the decider refused the command (logged); true once the view shows what it recorded. */
  async execute<S, C, E extends DomainEvent>(decider: Decider<S, C, E>, stream: string, command: C) {
    if (this.fence.path() === null) throw new LeadershipLostError();
    const outcome = await this.pipeline.execute(decider, stream, command, { actor: SYSTEM_ACTOR });
    if (!outcome.ok) {
      this.logger.warn(`${stream}: ${outcome.error.messages.join(', ')}`);
      return false;
    }
    const last = outcome.positions[outcome.positions.length - 1];
    if (last !== undefined) await this.clusterView.reached(last);
    return true;
  }
}
