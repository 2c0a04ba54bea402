import { InstanceState, canStopInstance, canTransitionInstance } from '@drove/domain';
import { CheckOutcome, monitorHealth, runUntilHealthy } from '../checks/check-runner';
import { CheckSpec, PreShutdownSpec } from '../checks/check-spec';
import { CheckTarget } from '../checks/checker-factory';
import { shutdownInstance } from '../checks/instance-shutdown';
import { ContainerSpec } from '../containers/container-spec';
import { RecoveredInstance } from '../containers/instance-recovery';
import { ContainerRun } from './container-run';
import { EngineContext } from './engine-context';
import { StateRecord, serviceRecord } from './state-record';

export interface ServiceChecks {
  readiness: CheckSpec;
  healthcheck: CheckSpec;
  preShutdown?: PreShutdownSpec;
}

// One application or local-service instance through Drove's executor-side state machine (section 3.2):
// PENDING -> PROVISIONING -> STARTING -> UNREADY -> READY -> HEALTHY, then STOPPING or UNHEALTHY ->
// DEPROVISIONING -> STOPPED; each failure state also ends in DEPROVISIONING -> STOPPED; an engine failure is
// LOST. A recovered container starts in UNKNOWN and resumes its checks without their initial delay.
export class InstanceRunner extends ContainerRun<InstanceState> {
  private readonly stop = new AbortController();
  readonly done: Promise<void>;

  constructor(
    ctx: EngineContext,
    spec: ContainerSpec,
    wireSpec: unknown,
    private readonly checks: ServiceChecks,
    recovered?: RecoveredInstance,
  ) {
    super(
      ctx,
      spec,
      wireSpec,
      { initial: 'PENDING', recovered: 'UNKNOWN', canMove: canTransitionInstance },
      recovered,
    );
    this.done = (recovered ? this.resume() : this.run()).catch((err: Error) => this.lose(err));
  }

  record(): StateRecord {
    return serviceRecord(this.info, this.spec.identity, {
      state: this.current,
      errorMessage: this.errorMessage,
      updated: this.info.updated,
    });
  }

  // A STOP_INSTANCE: accepted only while the instance runs (UNREADY, READY, HEALTHY), as in Drove.
  requestStop(): boolean {
    if (!canStopInstance(this.current)) return false;
    this.stop.abort();
    return true;
  }

  private async run(): Promise<void> {
    this.emit();
    this.moveTo('PROVISIONING');
    const pullError = await this.pull();
    if (pullError) return this.fail('PROVISIONING_FAILED', pullError);
    this.moveTo('STARTING');
    const startError = await this.launch();
    if (startError) return this.fail('START_FAILED', startError);
    this.moveTo('UNREADY');
    await this.checkAndServe(false);
  }

  private async resume(): Promise<void> {
    this.emit();
    await this.startLogs(true);
    this.moveTo('UNREADY');
    await this.checkAndServe(true);
  }

  private async checkAndServe(recovered: boolean): Promise<void> {
    const target = this.target();
    const options = { signal: this.stop.signal, skipInitialDelay: recovered };
    const { readiness, healthcheck } = this.checks;
    const ready = await runUntilHealthy(this.checker(readiness, target), readiness, options);
    if (ready.status === 'STOPPED') return this.shutDown();
    if (ready.status === 'FAILED') return this.fail('READINESS_CHECK_FAILED', ready.message);
    this.moveTo('READY');
    const healthy = await runUntilHealthy(this.checker(healthcheck, target), healthcheck, options);
    if (healthy.status !== 'HEALTHY') return this.shutDown(failure(healthy));
    this.moveTo('HEALTHY');
    const watched = await monitorHealth(this.checker(healthcheck, target), healthcheck, options);
    if (watched.status === 'FAILED') return this.fail('UNHEALTHY', watched.message);
    return this.shutDown();
  }

  // STOPPING: pre-shutdown hooks, waitBeforeKill and the container stop, then DEPROVISIONING.
  private async shutDown(errorMessage = ''): Promise<void> {
    this.errorMessage = errorMessage;
    this.moveTo('STOPPING');
    if (this.containerId) {
      await shutdownInstance(this.ctx.runtime, this.target(), this.ctx.checkers, {
        preShutdown: this.checks.preShutdown,
        stopGraceSeconds: this.ctx.stopGraceSeconds,
      });
    }
    await this.deprovision();
  }

  private async fail(state: InstanceState, message: string): Promise<void> {
    this.errorMessage = message;
    this.moveTo(state);
    await this.deprovision();
  }

  private async deprovision(): Promise<void> {
    this.moveTo('DEPROVISIONING');
    await this.cleanUp();
    this.moveTo('STOPPED');
  }

  private target(): CheckTarget {
    return { containerId: this.containerId ?? '', ports: this.info.localInfo.ports };
  }

  private checker(spec: CheckSpec, target: CheckTarget) {
    return this.ctx.checkers(spec.mode, target, spec.timeoutMs);
  }
}

function failure(outcome: CheckOutcome): string {
  return outcome.status === 'FAILED' ? outcome.message : '';
}
