import { LogStreamName } from '../container-runtime.port';

// What a hollow container's main process sees. `sleep` rejects once the container is stopped or killed, so a
// simulated process that awaits it ends with the container.
export interface HollowProcessContext {
  env: Record<string, string>;
  args: string[];
  files: Map<string, Buffer>;
  write(stream: LogStreamName, text: string): void;
  sleep(ms: number): Promise<void>;
  // Resolves when the container is asked to stop; a process that never exits on its own awaits this.
  stopped: Promise<void>;
}

export interface HollowImage {
  env?: Record<string, string>;
  // The main process; resolves with its exit code. Runs until stopped when absent.
  run?(ctx: HollowProcessContext): Promise<number>;
}
