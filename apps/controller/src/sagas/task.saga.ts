import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  Clock,
  IdGenerator,
  TaskAggregate,
  TaskCommand,
  TaskInfoJson,
  TaskSpecJson,
  TERMINAL_TASK_STATES,
  requestHeader,
  taskDecider,
  taskInstanceSpec,
  taskStream,
} from '@drove/domain';
import { toDroveResourceAllocations } from '@drove/scheduler';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { CLOCK, ID_GENERATOR } from '../event-store/event-store.tokens';
import { FENCE, Fence } from '../event-store/fence';
import { ExecutorRegistry } from '../executors/executor-registry';
import { INSTANCE_STALENESS_MS, lastHeardOf } from '../executors/instance-heard-of';
import { MaintenanceWindow } from '../cqrs/maintenance-window';
import { EXECUTOR_MESSENGER, ExecutorMessenger } from '../messaging/executor-messenger';
import { ControllerMetrics } from '../metrics/controller-metrics';
import { ClusterViewService } from '../projections/cluster-view.service';
import { RUN_SAGAS } from './application-operations.saga';
import { SYSTEM_ACTOR } from '../cqrs/request-actor';

const TICK_MS = 500;

/**
 * Runs tasks to completion, on the leader only (Drove's TaskRunner). A reconcile loop over the task view:
 * - a task created and never placed: place it with the scheduler, record it PENDING on its executor (before the
 *   message, so a new leader sees the start was asked for and does not start it twice), send START_TASK; a task
 *   that cannot be placed or whose START_TASK is refused is recorded LOST with the reason;
 * - a KILL recorded while the task runs: STOP_TASK to its executor (again after a leader change: the executor
 *   refuses a stop for a task no longer running).
 * - a task not finished and not heard of (no recorded change, no snapshot of its executor listing it) for longer
 *   than the staleness (`options.instanceStalenessMs`, Drove's 60 s): `MarkStaleTaskLost` -> LOST (`Instance
 *   lost`), not inside the maintenance window. This covers a task lost on a live executor, an executor gone, and
 *   a START_TASK accepted but never acted on. A new leader may not have its executors' node data yet, so it gives
 *   every task one staleness period from the moment it started leading (as StaleInstances does).
 * Everything else is the executor's reports, recorded by ExecutorReportsHandler.
 */
@Injectable()
export class TaskSaga implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TaskSaga');
  private readonly busy = new Set<string>();
  private readonly stopsSent = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private leadingSince = 0;
  private stopListening: (() => void) | undefined;

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
    private readonly metrics: ControllerMetrics,
    @Inject(INSTANCE_STALENESS_MS) private readonly stalenessMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.leadingSince = this.clock.now();
    this.stopListening = this.fence.onLeading(() => (this.leadingSince = this.clock.now()));
    if (this.enabled) this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.stopListening?.();
  }

  tick(): void {
    if (this.fence.path() === null) return;
    const view = this.clusterView.view;
    const outagesPaused = this.maintenance.covers(view.cluster, this.clock.now());
    for (const task of view.tasks.all()) {
      const id = task.taskRunId as string;
      const work = this.workFor(task, outagesPaused);
      if (!work || this.busy.has(id)) continue;
      this.busy.add(id);
      work()
        .catch((error: unknown) => this.logger.error(`${id}: ${String(error)}`))
        .finally(() => this.busy.delete(id));
    }
  }

  private workFor(task: TaskAggregate, outagesPaused: boolean): (() => Promise<void>) | undefined {
    const state = task.state;
    if (state === undefined) {
      if (!task.killRequested) return () => this.start(task);
      return () => this.record(task, this.infoOf(task, 'STOPPED', 'Task was killed before it started'));
    }
    const instanceId = task.instanceId as string;
    if (task.killRequested && state === 'RUNNING' && !this.stopsSent.has(instanceId)) {
      return () => this.stop(task);
    }
    if (TERMINAL_TASK_STATES.includes(state)) return undefined;
    // Drove pauses its TaskEngine in the maintenance window: executors may come and go then
    if (outagesPaused) return undefined;
    const now = this.clock.now();
    const heard = lastHeardOf(
      { executorId: task.info?.executorId, instanceId: task.instanceId, updated: task.updated },
      this.registry,
    );
    const lastHeardAt = Math.max(heard, this.leadingSince);
    if (now - lastHeardAt <= this.stalenessMs) return undefined;
    const command: TaskCommand = {
      type: 'MarkStaleTaskLost',
      sourceAppName: task.sourceAppName as string,
      taskId: task.taskId as string,
      lastHeardAt,
      stalenessMs: this.stalenessMs,
      at: now,
    };
    return async () => {
      if (await this.execute(task, command)) {
        this.logger.warn(
          `${task.taskRunId as string}: nothing heard of it for over ${this.stalenessMs} ms, LOST`,
        );
      }
    };
  }

  private async start(task: TaskAggregate): Promise<void> {
    const spec = task.spec as TaskSpecJson;
    const instanceId = task.instanceId as string;
    const session = this.registry.scheduler.openSession({
      deployableId: task.taskRunId as string,
      kind: 'TASK',
      policy: spec.placementPolicy,
      env: (spec.env as Record<string, string> | undefined) ?? {},
    });
    try {
      const placed = this.metrics.timePlacement(() =>
        session.place({ instanceId, resources: spec.resources }),
      );
      if (!placed.ok) {
        await this.record(task, this.infoOf(task, 'LOST', placed.failure.message));
        return;
      }
      const { executorId } = placed.allocation;
      const address = this.registry.address(executorId);
      const resources = toDroveResourceAllocations(placed.allocation);
      const pending = { ...this.infoOf(task, 'PENDING', ''), executorId, resources };
      pending.hostname = address?.hostname ?? '';
      delete pending.taskResult;
      await this.record(task, pending);
      const sent = address
        ? await this.messenger.send(address, {
            type: 'START_TASK',
            header: requestHeader('CONTROLLER', this.ids, this.clock),
            address,
            spec: taskInstanceSpec(spec, { instanceId, resources }),
          })
        : { status: 'FAILED' as const, error: `Executor ${executorId} has no address` };
      if (sent.status === 'ACCEPTED') {
        session.confirm(instanceId);
        return;
      }
      session.release(instanceId);
      const error = sent.error ?? `START_TASK ${sent.status}`;
      // from the view, which has the PENDING just recorded: the LOST must be stamped after it
      const current = this.clusterView.view.tasks.task(spec.sourceAppName, spec.taskId) ?? task;
      await this.record(current, this.infoOf(current, 'LOST', error));
    } finally {
      session.close();
    }
  }

  private async stop(task: TaskAggregate): Promise<void> {
    const instanceId = task.instanceId as string;
    const executorId = task.info?.executorId;
    const address = executorId ? this.registry.address(executorId) : undefined;
    if (!address) return;
    this.stopsSent.add(instanceId);
    const sent = await this.messenger.send(address, {
      type: 'STOP_TASK',
      header: requestHeader('CONTROLLER', this.ids, this.clock),
      address,
      instanceId,
    });
    if (sent.status !== 'ACCEPTED') this.logger.warn(`STOP_TASK ${instanceId}: ${sent.error ?? sent.status}`);
  }

  /** A state the saga itself records (no executor reported it): stamped after the last one known. */
  private infoOf(task: TaskAggregate, state: 'PENDING' | 'LOST' | 'STOPPED', errorMessage: string) {
    const spec = task.spec as TaskSpecJson;
    const now = this.clock.now();
    const info: TaskInfoJson = {
      sourceAppName: spec.sourceAppName,
      taskId: spec.taskId,
      instanceId: task.instanceId as string,
      executorId: task.info?.executorId ?? '',
      hostname: task.info?.hostname ?? '',
      executable: spec.executable as TaskInfoJson['executable'],
      resources: task.info?.resources ?? [],
      // drove-cli's `tasks show` requires volumes[]
      volumes: (spec.volumes as unknown[] | undefined) ?? [],
      ...(spec.env ? { env: spec.env as Record<string, string> } : {}),
      state,
      metadata: {},
      taskResult: { status: state === 'STOPPED' ? 'CANCELLED' : 'LOST', exitCode: -1 },
      errorMessage,
      created: task.created ?? now,
      updated: Math.max(now, (task.info?.updated ?? 0) + 1),
    };
    return info;
  }

  private async record(task: TaskAggregate, info: TaskInfoJson): Promise<void> {
    await this.execute(task, { type: 'RecordTaskState', info, at: this.clock.now() });
  }

  /** Whether anything was recorded. */
  private async execute(task: TaskAggregate, command: TaskCommand): Promise<boolean> {
    const stream = taskStream(task.sourceAppName as string, task.taskId as string);
    const outcome = await this.pipeline.execute(taskDecider, stream, command, { actor: SYSTEM_ACTOR });
    if (!outcome.ok) {
      this.logger.warn(`${stream}: ${outcome.error.messages.join(', ')}`);
      return false;
    }
    const last = outcome.positions[outcome.positions.length - 1];
    if (last !== undefined) await this.clusterView.reached(last);
    return last !== undefined;
  }
}
