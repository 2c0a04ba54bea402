import { TaskResultJson, TaskState, canStopTask, canTransitionTask } from '@drove/domain';
import { ContainerSpec } from '../containers/container-spec';
import { RecoveredInstance } from '../containers/instance-recovery';
import { taskResultOf, watchTask } from '../containers/task-outcome';
import { ContainerRun } from './container-run';
import { EngineContext } from './engine-context';
import { StateRecord, taskRecord } from './state-record';

// One task through Drove's executor-side task state machine (section 3.3): PENDING -> PROVISIONING ->
// STARTING -> RUNNING -> RUN_COMPLETED (with the task result) -> DEPROVISIONING -> STOPPED; a failed pull is
// PROVISIONING_FAILED, a failed start RUN_FAILED. A STOP_TASK kills the container: result CANCELLED. A
// recovered task starts in UNKNOWN; one that finished while the executor was down reports its exit code.
export class TaskRunner extends ContainerRun<TaskState> {
  private result?: TaskResultJson;
  private readonly kill = new AbortController();
  readonly done: Promise<void>;

  constructor(ctx: EngineContext, spec: ContainerSpec, wireSpec: unknown, recovered?: RecoveredInstance) {
    super(
      ctx,
      spec,
      wireSpec,
      { initial: 'PENDING', recovered: 'UNKNOWN', canMove: canTransitionTask },
      recovered,
    );
    this.done = (recovered ? this.resume(recovered) : this.run()).catch((err: Error) => this.lose(err));
  }

  record(): StateRecord {
    return taskRecord(this.info, this.spec, {
      state: this.current,
      errorMessage: this.errorMessage,
      updated: this.info.updated,
      taskResult: this.result,
    });
  }

  requestStop(): boolean {
    if (!canStopTask(this.current)) return false;
    this.kill.abort();
    return true;
  }

  private async run(): Promise<void> {
    this.emit();
    this.moveTo('PROVISIONING');
    const pullError = await this.pull();
    if (pullError) return this.end('PROVISIONING_FAILED', pullError);
    this.moveTo('STARTING');
    const startError = await this.launch();
    if (startError) return this.end('RUN_FAILED', startError);
    this.moveTo('RUNNING');
    await this.watch();
  }

  private async resume(recovered: RecoveredInstance): Promise<void> {
    this.emit();
    this.moveTo('RUNNING');
    if (recovered.exitCode !== undefined) {
      const outcome = taskResultOf(recovered.exitCode);
      return this.complete({ status: outcome.status, exitCode: outcome.exitCode }, outcome.errorMessage);
    }
    await this.startLogs(true);
    await this.watch();
  }

  private async watch(): Promise<void> {
    const outcome = await watchTask(this.ctx.runtime, this.containerId ?? '', this.kill.signal);
    await this.complete({ status: outcome.status, exitCode: outcome.exitCode }, outcome.errorMessage);
  }

  private async complete(result: TaskResultJson, errorMessage: string): Promise<void> {
    this.result = result;
    await this.end('RUN_COMPLETED', errorMessage);
  }

  private async end(state: TaskState, errorMessage: string): Promise<void> {
    this.errorMessage = errorMessage;
    this.moveTo(state);
    this.moveTo('DEPROVISIONING');
    await this.cleanUp();
    this.moveTo('STOPPED');
  }
}
