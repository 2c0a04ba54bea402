import { ContainerSpec } from '../containers/container-spec';
import { ExecutorInstanceInfo, executorInstanceInfo } from '../containers/executor-instance-info';
import { RecoveredInstance } from '../containers/instance-recovery';
import { LogPump, pumpContainerLogs } from '../logs/container-log-pump';
import { withTimeout } from '../util/with-timeout';
import { EngineContext } from './engine-context';
import { StateRecord } from './state-record';

// The container side shared by instance and task runners: pull, launch, log pump, and the clean-up of
// DEPROVISIONING, and the state bookkeeping: every move checked against the transition table and reported at
// once. Each runner holds its resource lock until it ends.
export abstract class ContainerRun<S extends string> {
  protected info: ExecutorInstanceInfo;
  protected current: S;
  protected containerId?: string;
  protected errorMessage = '';
  private pump?: LogPump;

  constructor(
    protected readonly ctx: EngineContext,
    readonly spec: ContainerSpec,
    // The spec JSON as the controller sent it, kept in the container label for recovery.
    protected readonly wireSpec: unknown,
    private readonly transitions: { initial: S; recovered: S; canMove: (from: S, to: S) => boolean },
    recovered?: RecoveredInstance,
  ) {
    this.current = recovered ? transitions.recovered : transitions.initial;
    this.info =
      recovered?.info ??
      executorInstanceInfo({
        identity: spec.identity,
        resources: spec.resources,
        executorId: ctx.launcher.executorId,
        hostname: ctx.launcher.hostname,
        ports: {},
        now: ctx.now(),
      });
    if (recovered) {
      this.containerId = recovered.containerId;
      ctx.launcher.adopt(recovered.containerId, recovered.info);
    }
  }

  abstract record(): StateRecord;

  // STOP_INSTANCE / STOP_TASK; false when the current state does not allow it.
  abstract requestStop(): boolean;

  get state(): S {
    return this.current;
  }

  get container(): string | undefined {
    return this.containerId;
  }

  get instanceId(): string {
    return this.spec.identity.instanceId;
  }

  // Returns an error message, or undefined once the image is there.
  protected async pull(): Promise<string | undefined> {
    try {
      await this.ctx.launcher.provision(this.spec);
      return undefined;
    } catch (err) {
      return (err as Error).message;
    }
  }

  protected async launch(): Promise<string | undefined> {
    try {
      const launched = await this.ctx.launcher.launch(this.spec, this.wireSpec);
      this.containerId = launched.containerId;
      this.info = launched.info;
      await this.startLogs(false);
      return undefined;
    } catch (err) {
      return (err as Error).message;
    }
  }

  protected async startLogs(fromNow: boolean): Promise<void> {
    const file = this.ctx.logFile(this.spec);
    if (!this.containerId || !file) return;
    this.pump = await pumpContainerLogs(this.ctx.runtime, this.containerId, file, { fromNow });
    this.pump.done.finally(() => file.close()).catch(() => undefined);
  }

  // DEPROVISIONING: the container (if any) stopped and removed, the image released per policy, the lock freed.
  protected async cleanUp(): Promise<void> {
    try {
      if (this.containerId) {
        await this.ctx.runtime.stop(this.containerId, this.ctx.stopGraceSeconds);
        // The output's tail is written before the files go; a stuck log stream must not block the stop.
        await withTimeout(this.pump?.done ?? Promise.resolve(), 2000, () => new Error('log pump')).catch(
          () => undefined,
        );
        await this.ctx.launcher.destroy(this.containerId);
        await this.ctx.launcher.releaseImage(this.spec.image);
      }
    } finally {
      this.pump?.close();
      this.ctx.locks.release(this.instanceId);
    }
  }

  // Strictly increasing: the controller keeps only a report newer than the last, and the states after a failed
  // start (START_FAILED, DEPROVISIONING, STOPPED) often fall in one millisecond.
  protected touch(): number {
    this.info = { ...this.info, updated: Math.max(this.ctx.now(), (this.info.updated ?? 0) + 1) };
    return this.info.updated;
  }

  protected moveTo(state: S): void {
    if (!this.transitions.canMove(this.current, state)) {
      throw new Error(`${this.instanceId}: no transition ${this.current} -> ${state}`);
    }
    this.current = state;
    this.touch();
    this.emit();
  }

  protected emit(): void {
    this.ctx.onChange(this.record());
  }

  // An engine failure: the instance is LOST, its lock freed.
  protected lose(err: Error): void {
    if (this.current === 'STOPPED' || this.current === 'LOST') return;
    this.errorMessage = err.message;
    this.current = 'LOST' as S;
    this.touch();
    this.emit();
    this.ctx.locks.release(this.instanceId);
  }
}
