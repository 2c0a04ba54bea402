import {
  ExecutorAddressJson,
  ExecutorMessage,
  ExecutorNodeDataJson,
  StartTaskMessage,
  TaskInfoJson,
  TaskResultJson,
  TaskState,
} from '@drove/domain';
import { SendResult } from '../messaging/executor-messenger';
import { FakeExecutor } from './fake-executor';

const START_PATH: TaskState[] = ['PENDING', 'PROVISIONING', 'STARTING', 'RUNNING'];
const END_PATH: TaskState[] = ['RUN_COMPLETED', 'DEPROVISIONING', 'STOPPED'];

/**
 * The in-process executor, also running tasks as Drove's executor does: START_TASK walks the task to RUNNING;
 * a task whose env has ITERATIONS then completes with the exit code in EXIT_CODE (0 if unset), like the image
 * `drove-test/task`; one without runs until STOP_TASK (result CANCELLED, -1). `startAnswer` other than ACCEPTED
 * refuses START_TASK; `startSilently` accepts it and does nothing more. Each state is pushed as a
 * TASK_STATE_REPORT through the controller's own `POST /apis/v1/messages`; its snapshots list its tasks, until
 * `forget` drops one (a task lost on the executor: no more reports, no more listing).
 */
export class FakeTaskExecutor extends FakeExecutor {
  private readonly tasks = new Map<string, TaskInfoJson>();
  private stamp = 1_700_000_100_000;
  startSilently = false;

  override send(address: ExecutorAddressJson, message: ExecutorMessage): Promise<SendResult> {
    if (message.type === 'START_TASK') {
      this.received.push(message);
      if (this.startAnswer.status !== 'ACCEPTED') return Promise.resolve(this.startAnswer);
      if (!this.startSilently) void this.runTask(this.startedTask(message));
      return Promise.resolve({ status: 'ACCEPTED' });
    }
    if (message.type === 'STOP_TASK') {
      this.received.push(message);
      const info = this.tasks.get(message.instanceId);
      if (info?.state !== 'RUNNING') return Promise.resolve({ status: 'FAILED' });
      void this.walkTask(info, END_PATH, { status: 'CANCELLED', exitCode: -1 });
      return Promise.resolve({ status: 'ACCEPTED' });
    }
    return super.send(address, message);
  }

  override nodeData(): ExecutorNodeDataJson {
    return { ...super.nodeData(), tasks: [...this.tasks.values()] };
  }

  forget(instanceId: string): void {
    this.tasks.delete(instanceId);
  }

  private startedTask({ spec }: StartTaskMessage): TaskInfoJson {
    const info: TaskInfoJson = {
      sourceAppName: spec.sourceAppName,
      taskId: spec.taskId,
      instanceId: spec.instanceId,
      executorId: this.executorId,
      hostname: this.hostname,
      executable: spec.executable as TaskInfoJson['executable'],
      resources: spec.resources,
      ...(spec.env ? { env: spec.env as Record<string, string> } : {}),
      state: 'PENDING',
      metadata: {},
      errorMessage: '',
      created: this.stamp,
      updated: this.stamp,
    };
    this.tasks.set(spec.instanceId, info);
    return info;
  }

  private async runTask(info: TaskInfoJson): Promise<void> {
    const running = await this.walkTask(info, START_PATH);
    if (info.env?.ITERATIONS === undefined) return;
    const exitCode = Number(info.env.EXIT_CODE ?? '0');
    await this.walkTask(running, END_PATH, { status: exitCode === 0 ? 'SUCCESSFUL' : 'FAILED', exitCode });
  }

  private async walkTask(info: TaskInfoJson, states: TaskState[], taskResult?: TaskResultJson) {
    let current = info;
    for (const state of states) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      this.stamp += 1;
      const errorMessage =
        taskResult?.status === 'FAILED' ? `Task instance exited with status: ${taskResult.exitCode}` : '';
      current = {
        ...current,
        state,
        errorMessage,
        updated: this.stamp,
        ...(taskResult ? { taskResult } : {}),
      };
      this.tasks.set(info.instanceId, current);
      await this.report('/apis/v1/messages', {
        type: 'TASK_STATE_REPORT',
        header: {
          id: `t-${this.stamp}`,
          senderType: 'EXECUTOR',
          direction: 'REQUEST',
          messageTime: this.stamp,
        },
        resourceSnapshot: this.nodeData().state,
        instanceInfo: current,
      });
    }
    return current;
  }
}
