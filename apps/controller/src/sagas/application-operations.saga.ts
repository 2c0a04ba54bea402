import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  ApplicationAggregate,
  ApplicationSpecJson,
  Clock,
  ClusterOpSpecJson,
  OperationOutcome,
  RunningApplicationOperation,
  TERMINAL_INSTANCE_STATES,
  applicationDecider,
  applicationStream,
  planScale,
} from '@drove/domain';
import { CLOCK } from '../event-store/event-store.tokens';
import { FENCE, Fence } from '../event-store/fence';
import { ClusterViewService } from '../projections/cluster-view.service';
import { stateOf } from '../projections/instance-queries';
import { InstanceJobs } from './instance-jobs';
import { JobResult, OperationFailures, replacePair } from './operation-failures';
import { StartBackoff, StartBackoffSettings } from './start-backoff';
import { LeadershipLostError, inParallel } from './instance-waits';

/** After a pass that did not reach the required count, the next pass waits this long (Drove retries forever). */
const RETRY_PASS_MS = 2000;
const TICK_MS = 500;

export const RUN_SAGAS = Symbol('RunSagas');
/** StartBackoffSettings: how much slower each scale pass whose starts failed is retried. */
export const START_BACKOFF = Symbol('StartBackoff');

/**
 * Carries out every application operation but CREATE without instances, on the leader only: SCALE (also CREATE
 * with instances, START_INSTANCES, SUSPEND, RECOVER, which the decider turns into a scaling request), DESTROY,
 * STOP_INSTANCES and REPLACE_INSTANCES. A reconcile loop over the log: a scale pass waits for instances already
 * requested (a new leader resumes them instead of starting more), then starts the shortfall or stops the oldest
 * surplus, and completes the operation once the HEALTHY count is the required one. Every step is in the log;
 * nothing is kept across passes but a retry time, which backs off while the app's starts keep failing.
 */
@Injectable()
export class ApplicationOperationsSaga implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ApplicationOperationsSaga');
  private readonly running = new Set<string>();
  private readonly retryAt = new Map<string, number>();
  private readonly backoff: StartBackoff;
  /** The operation (and cancel flag) each app's retry time and back-off belong to. */
  private readonly requests = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly jobs: InstanceJobs,
    private readonly clusterView: ClusterViewService,
    @Inject(FENCE) private readonly fence: Fence,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUN_SAGAS) private readonly enabled: boolean,
    @Inject(START_BACKOFF) backoff: StartBackoffSettings,
  ) {
    this.backoff = new StartBackoff(backoff);
  }

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
      if (!app.operation) {
        this.requests.delete(appId);
        continue;
      }
      this.onNewRequest(app);
      if (this.running.has(appId)) continue;
      if ((this.retryAt.get(appId) ?? 0) > Date.now()) continue;
      this.running.add(appId);
      this.pass(appId)
        .catch((error: unknown) => {
          if (error instanceof LeadershipLostError) return;
          // a pass that keeps failing (an unplaceable policy, say) backs off as failed starts do
          const { failures, delayMs } = this.backoff.failed(appId);
          this.logger.error(`${appId}: ${String(error)} (${failures} in a row), next pass in ${delayMs} ms`);
          this.retryAt.set(appId, Date.now() + delayMs);
        })
        .finally(() => this.running.delete(appId));
    }
  }

  /** A new operation, or a cancel, is not kept waiting by the back-off of the one before. */
  private onNewRequest(app: ApplicationAggregate): void {
    const appId = app.appId as string;
    const request = JSON.stringify([app.operation, app.cancelRequested]);
    if (this.requests.get(appId) === request) return;
    this.requests.set(appId, request);
    this.retryAt.delete(appId);
    this.backoff.reset(appId);
  }

  private async pass(appId: string): Promise<void> {
    const app = this.app(appId);
    const op = app.operation;
    if (!op) return;
    if (op.type === 'STOP_INSTANCES' || op.type === 'REPLACE_INSTANCES') return this.instancesPass(app, op);
    const spec = app.spec as ApplicationSpecJson;
    const required = op.type === 'DESTROY' ? 0 : op.requiredInstances;
    const parallelism = Math.max(1, op.opSpec.parallelism);
    await inParallel(this.jobs.inFlight(appId), parallelism, (i) =>
      this.jobs.awaitStarted(i, op.opSpec, spec),
    );
    let retryMs = RETRY_PASS_MS;
    if (!app.cancelRequested) {
      const plan = planScale(required, this.summaries(appId));
      if (plan.toStart > 0) {
        const started = await this.startAll(appId, spec, op.opSpec, plan.toStart);
        retryMs = this.afterStarts(appId, plan.toStart, started) ?? retryMs;
      }
      await inParallel(plan.toStop, parallelism, (id) => this.jobs.stop(id, op.opSpec));
    }
    await this.completeIfDone(appId, required, retryMs);
  }

  /** The back-off after a pass's starts: the wait before the next pass if some failed, else undefined. */
  private afterStarts(appId: string, wanted: number, started: number): number | undefined {
    if (started >= wanted) {
      this.backoff.reset(appId);
      return undefined;
    }
    const { failures, delayMs } = this.backoff.failed(appId);
    this.logger.warn(
      `${appId}: ${wanted - started} of ${wanted} starts failed (${failures} pass(es) in a row), ` +
        `next pass in ${delayMs} ms`,
    );
    return delayMs;
  }

  /**
   * STOP_INSTANCES stops the listed instances (the decider lowers the expected count for skipRespawn; without it
   * the monitor restores the count). REPLACE_INSTANCES pairs each listed instance still active with a new one:
   * start the new then stop the old, or the reverse with stopFirst. Pairs run `parallelism` at a time; after a
   * failed job (or a cancel) no further one begins. The operation completes after one pass: FAILED, naming each
   * failure, unless every job did what it was asked.
   */
  private async instancesPass(
    app: ApplicationAggregate,
    op: Extract<RunningApplicationOperation, { type: 'STOP_INSTANCES' | 'REPLACE_INSTANCES' }>,
  ): Promise<void> {
    const appId = app.appId as string;
    const parallelism = Math.max(1, op.opSpec.parallelism);
    const active = op.instanceIds.filter((id) => {
      const instance = this.clusterView.view.instance(id);
      return instance !== undefined && !TERMINAL_INSTANCE_STATES.includes(stateOf(instance));
    });
    const failures = new OperationFailures(
      active.length,
      op.type === 'STOP_INSTANCES' ? 'stopped' : 'replaced',
    );
    const cancelled = () => this.app(appId).cancelRequested;
    const each = (job: (id: string) => Promise<JobResult>) => (id: string) =>
      failures.run(cancelled, () => job(id));
    if (op.type === 'STOP_INSTANCES') {
      await inParallel(
        active,
        parallelism,
        each((id) => this.jobs.stop(id, op.opSpec)),
      );
    } else {
      const spec = app.spec as ApplicationSpecJson;
      await this.jobs.withSession(appId, spec, (session) =>
        inParallel(
          active,
          parallelism,
          each((oldId) =>
            replacePair(
              oldId,
              op.stopFirst,
              () => this.jobs.stop(oldId, op.opSpec),
              () => this.jobs.startOne(appId, spec, op.opSpec, session),
            ),
          ),
        ),
      );
    }
    const { outcome, error } = failures.outcome(cancelled());
    const leftRunning = op.type === 'STOP_INSTANCES' ? failures.notDone : undefined;
    await this.complete(appId, outcome, error, leftRunning);
  }

  private async completeIfDone(appId: string, required: number, retryMs: number): Promise<void> {
    const app = this.app(appId);
    const healthy = this.healthy(appId);
    // Done when the HEALTHY count is right and no start is still on its way. Failed instances do not hold it up:
    // the executor ends them, and a final report it sends in the same millisecond is not newer, so is dropped.
    const starting = this.jobs.inFlight(appId).length;
    let outcome: OperationOutcome | undefined;
    if (app.cancelRequested) outcome = 'CANCELLED';
    else if (healthy === required && starting === 0) outcome = 'SUCCEEDED';
    if (!outcome) {
      this.retryAt.set(appId, Date.now() + retryMs);
      return;
    }
    await this.complete(appId, outcome);
  }

  private async complete(
    appId: string,
    outcome: OperationOutcome,
    error?: string,
    instancesLeftRunning?: number,
  ): Promise<void> {
    this.retryAt.delete(appId);
    this.backoff.reset(appId);
    const healthy = this.healthy(appId);
    const recorded = await this.jobs.execute(applicationDecider, applicationStream(appId), {
      type: 'CompleteApplicationOperation',
      appId,
      outcome,
      healthyInstances: healthy,
      ...(error !== undefined ? { error } : {}),
      ...(instancesLeftRunning ? { instancesLeftRunning } : {}),
      at: this.clock.now(),
    });
    // refused when a SCALE re-targeted the operation meanwhile: the next pass works to the new target
    if (recorded)
      this.logger.log(`${appId}: operation ${outcome}, ${healthy} healthy${error ? `: ${error}` : ''}`);
  }

  private healthy(appId: string): number {
    return this.clusterView.view.instancesOf(appId).filter((i) => i.state === 'HEALTHY').length;
  }

  /** Starts `count` instances, `parallelism` at a time; how many became HEALTHY. */
  private async startAll(appId: string, spec: ApplicationSpecJson, opSpec: ClusterOpSpecJson, count: number) {
    const slots = Array.from({ length: count }, (_, i) => i);
    let started = 0;
    await this.jobs.withSession(appId, spec, (session) =>
      inParallel(slots, opSpec.parallelism, async () => {
        if ((await this.jobs.startOne(appId, spec, opSpec, session)).ok) started += 1;
      }),
    );
    return started;
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
}
