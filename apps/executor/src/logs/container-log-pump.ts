import { ContainerRuntime } from '../runtime/container-runtime.port';
import { RotatingLogFile } from './rotating-log-file';

export interface LogPump {
  // Resolves once the container's output ended (it stopped) or the pump was closed, all of it written.
  done: Promise<void>;
  close(): void;
}

export interface PumpOptions {
  // After an executor restart: only output from now on, as Drove re-attaches with tail 0.
  fromNow?: boolean;
}

// Copies a container's stdout and stderr, interleaved as produced, into its instance's output.log.
export async function pumpContainerLogs(
  runtime: ContainerRuntime,
  containerId: string,
  file: RotatingLogFile,
  options: PumpOptions = {},
): Promise<LogPump> {
  const stream = await runtime.logs(containerId, { follow: true, tail: options.fromNow ? 0 : undefined });
  const done = (async () => {
    try {
      for await (const chunk of stream) {
        await file.write(chunk.data);
      }
    } finally {
      // A failed write (disk full) must not leave the engine's log stream open.
      stream.close();
    }
  })();
  return { done, close: () => stream.close() };
}
