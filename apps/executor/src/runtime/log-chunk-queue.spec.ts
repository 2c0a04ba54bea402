import { LogChunkQueue } from './log-chunk-queue';

const chunk = (text: string) => ({ stream: 'stdout' as const, data: Buffer.from(text) });

describe('LogChunkQueue', () => {
  it('hands out pushed chunks in order and ends after end()', async () => {
    const queue = new LogChunkQueue();
    queue.push(chunk('a'));
    setTimeout(() => {
      queue.push(chunk('b'));
      queue.end();
      queue.push(chunk('ignored'));
    }, 5);
    const seen: string[] = [];
    for await (const c of queue) seen.push(c.data.toString());
    expect(seen).toEqual(['a', 'b']);
  });

  it('drops what is buffered on close and tells the producer', async () => {
    let closed = false;
    const queue = new LogChunkQueue(() => (closed = true));
    queue.push(chunk('a'));
    queue.close();
    const seen: string[] = [];
    for await (const c of queue) seen.push(c.data.toString());
    expect(seen).toEqual([]);
    expect(closed).toBe(true);
  });

  it('pauses the producer above the high-water mark and resumes it at half', async () => {
    const events: string[] = [];
    const queue = new LogChunkQueue(undefined, {
      highWaterMark: 4,
      pause: () => events.push(`pause@${queue.size}`),
      resume: () => events.push(`resume@${queue.size}`),
    });
    for (let i = 0; i < 6; i++) queue.push(chunk(String(i)));
    queue.end();
    const seen: string[] = [];
    for await (const c of queue) seen.push(c.data.toString());
    expect(seen).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(events).toEqual(['pause@5', 'resume@2']);
  });
});
