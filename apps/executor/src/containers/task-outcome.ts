import { ContainerRuntime } from '../runtime/container-runtime.port';

// Drove's TaskResult: how a task container ended.
export type TaskResultStatus = 'SUCCESSFUL' | 'FAILED' | 'CANCELLED' | 'LOST';

export interface TaskResult {
  status: TaskResultStatus;
  exitCode: number;
  // Drove's error text for the task record; empty when the task succeeded.
  errorMessage: string;
}

export function taskResultOf(exitCode: number): TaskResult {
  return exitCode === 0
    ? { status: 'SUCCESSFUL', exitCode, errorMessage: '' }
    : { status: 'FAILED', exitCode, errorMessage: `Task instance exited with status: ${exitCode}` };
}

// Waits for a RUNNING task's container to end. Drove polls `docker inspect` every second; waiting on the engine
// reports the exit at once. Aborting the signal is a KILL: the container is killed and the result CANCELLED. A
// container that vanished is LOST.
export async function watchTask(
  runtime: ContainerRuntime,
  containerId: string,
  kill: AbortSignal,
): Promise<TaskResult> {
  const onKill = (): void => {
    runtime.kill(containerId).catch(() => undefined);
  };
  if (kill.aborted) onKill();
  kill.addEventListener('abort', onKill, { once: true });
  try {
    const exitCode = await runtime.wait(containerId);
    if (kill.aborted) return { status: 'CANCELLED', exitCode: -1, errorMessage: 'Task instance was killed' };
    return taskResultOf(exitCode);
  } catch {
    return { status: 'LOST', exitCode: -1, errorMessage: 'Task container is gone' };
  } finally {
    kill.removeEventListener('abort', onKill);
  }
}
