import {
  ApplicationInstanceSpecDto,
  LocalServiceInstanceSpecDto,
  Parsed,
  TaskInstanceSpecDto,
  parseApplicationInstanceSpec,
  parseLocalServiceInstanceSpec,
  parseTaskInstanceSpec,
} from '@drove/domain';
import { ContainerSpec, JobType } from '../containers/container-spec';
import { Ownership } from '../containers/container-ownership';
import { RecoveredInstance, recoverInstances } from '../containers/instance-recovery';
import { EngineContext } from './engine-context';
import { InstanceRunner } from './instance-runner';
import { AnyInstanceSpecDto, checkSpecOf, containerSpecOf, preShutdownOf } from './spec-mapping';
import { StateRecord } from './state-record';
import { TaskRunner } from './task-runner';

export type EngineReply = { ok: true } | { ok: false; reason: string };

type Runner = InstanceRunner | TaskRunner;

const REFUSED = (reason: string): EngineReply => ({ ok: false, reason });

const PARSERS: Record<JobType, (json: unknown) => Parsed<AnyInstanceSpecDto>> = {
  SERVICE: parseApplicationInstanceSpec,
  LOCAL_SERVICE: parseLocalServiceInstanceSpec,
  COMPUTATION: parseTaskInstanceSpec,
};

// Every instance and task on this executor. A START is answered at once (accepted, or refused when the id is
// taken, the spec cannot be run or its resources are not free) and the work goes on in its runner; a runner
// leaves the table once it reached STOPPED or LOST.
export class InstanceEngine {
  private readonly runners = new Map<string, Runner>();

  constructor(private readonly ctx: EngineContext) {}

  startInstance(
    spec: ApplicationInstanceSpecDto | LocalServiceInstanceSpecDto,
    wireSpec: unknown,
  ): EngineReply {
    return this.start(spec, wireSpec);
  }

  startTask(spec: TaskInstanceSpecDto, wireSpec: unknown): EngineReply {
    return this.start(spec, wireSpec);
  }

  stop(instanceId: string): EngineReply {
    const runner = this.runners.get(instanceId);
    if (!runner) return REFUSED(`No instance ${instanceId} on this executor`);
    return runner.requestStop()
      ? { ok: true }
      : REFUSED(`${instanceId} cannot be stopped in ${runner.state}`);
  }

  // After a restart: every container of this executor (its id in the labels) gets a runner again, its resources
  // locked again. `claim` widens or narrows that (see Ownership).
  async recover(claim: Pick<Ownership, 'adoptOthers' | 'scope'> = {}): Promise<number> {
    const { executorId, hostname } = this.ctx.launcher;
    const found = await recoverInstances(this.ctx.runtime, { ...claim, executorId, hostname });
    for (const recovered of found) this.adopt(recovered);
    return found.length;
  }

  records(): StateRecord[] {
    return [...this.runners.values()].map((r) => r.record());
  }

  // HEALTHY app and local-service instances with their containers (what Drove polls docker stats for).
  healthyContainers(): { containerId: string; spec: ContainerSpec }[] {
    return [...this.runners.values()]
      .filter((r) => r instanceof InstanceRunner && r.state === 'HEALTHY' && r.container)
      .map((r) => ({ containerId: r.container as string, spec: r.spec }));
  }

  knownInstanceIds(): ReadonlySet<string> {
    return new Set(this.runners.keys());
  }

  // Resolves once every runner now in the table has ended (tests and shutdown).
  async settled(): Promise<void> {
    await Promise.all([...this.runners.values()].map((r) => r.done));
  }

  private start(spec: AnyInstanceSpecDto, wireSpec: unknown): EngineReply {
    if (this.runners.has(spec.instanceId)) return REFUSED(`Instance ${spec.instanceId} exists already`);
    let runner: Runner;
    try {
      const containerSpec = containerSpecOf(spec);
      const lock = this.ctx.locks.tryLock(spec.instanceId, containerSpec.resources);
      if (!lock.ok) return lock;
      runner =
        'taskId' in spec
          ? new TaskRunner(this.ctx, containerSpec, wireSpec)
          : new InstanceRunner(this.ctx, containerSpec, wireSpec, serviceChecks(spec));
    } catch (err) {
      this.ctx.locks.release(spec.instanceId);
      return REFUSED((err as Error).message);
    }
    this.track(runner);
    return { ok: true };
  }

  private adopt(recovered: RecoveredInstance): void {
    const parsed = PARSERS[recovered.jobType](recovered.spec);
    if (!parsed.ok || this.runners.has(recovered.instanceId)) return;
    const spec = parsed.value;
    const containerSpec = containerSpecOf(spec);
    // The container runs whatever the bookkeeping says; a clash can only come from a container started by
    // hand with copied labels, and is reported by the next snapshot's resource view.
    this.ctx.locks.tryLock(spec.instanceId, containerSpec.resources);
    this.track(
      'taskId' in spec
        ? new TaskRunner(this.ctx, containerSpec, recovered.spec, recovered)
        : new InstanceRunner(this.ctx, containerSpec, recovered.spec, serviceChecks(spec), recovered),
    );
  }

  private track(runner: Runner): void {
    this.runners.set(runner.instanceId, runner);
    void runner.done.then(() => this.runners.delete(runner.instanceId));
  }
}

function serviceChecks(spec: ApplicationInstanceSpecDto | LocalServiceInstanceSpecDto) {
  return {
    readiness: checkSpecOf(spec.readiness),
    healthcheck: checkSpecOf(spec.healthcheck),
    preShutdown: preShutdownOf(spec.preShutdown),
  };
}
