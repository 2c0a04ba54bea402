import { LogChunkQueue } from '../runtime/log-chunk-queue';
import { ContainerRuntime } from '../runtime/container-runtime.port';
import { pumpContainerLogs } from './container-log-pump';
import { RotatingLogFile } from './rotating-log-file';

function fakes(writeFails: boolean) {
  let closed = false;
  const queue = new LogChunkQueue(() => (closed = true));
  const runtime = { logs: async () => queue } as unknown as ContainerRuntime;
  const written: string[] = [];
  const file = {
    write: async (data: Buffer) => {
      if (writeFails) throw new Error('ENOSPC');
      written.push(data.toString());
    },
  } as unknown as RotatingLogFile;
  return { queue, runtime, file, written, closed: () => closed };
}

describe('pumpContainerLogs', () => {
  it('copies stdout and stderr in order until the stream ends', async () => {
    const { queue, runtime, file, written } = fakes(false);
    const pump = await pumpContainerLogs(runtime, 'c', file);
    queue.push({ stream: 'stdout', data: Buffer.from('a\n') });
    queue.push({ stream: 'stderr', data: Buffer.from('b\n') });
    queue.end();
    await pump.done;
    expect(written).toEqual(['a\n', 'b\n']);
  });

  it('closes the engine stream when a write fails', async () => {
    const { queue, runtime, file, closed } = fakes(true);
    const pump = await pumpContainerLogs(runtime, 'c', file);
    queue.push({ stream: 'stdout', data: Buffer.from('a\n') });
    await expect(pump.done).rejects.toThrow('ENOSPC');
    expect(closed()).toBe(true);
  });
});
