import { ExecutorNodeDataJson } from '@drove/domain';
import { NodeDataPublisher } from './node-data-publisher';

function writer(fail = false) {
  const writes: string[] = [];
  const removed: string[] = [];
  return {
    writes,
    removed,
    zk: {
      writeEphemeral: async (path: string, data: Buffer) => {
        writes.push(`${path} ${JSON.parse(data.toString()).updated}`);
        if (fail) throw new Error('zk away');
      },
      remove: async (path: string) => void removed.push(path),
    },
  };
}

describe('NodeDataPublisher', () => {
  it('coalesces changes made while a write is in flight into one more write of the latest data', async () => {
    const w = writer();
    let version = 0;
    const publisher = new NodeDataPublisher(
      w.zk,
      '/drove/executor/h-3000',
      () => ({ updated: ++version }) as ExecutorNodeDataJson,
      60000,
    );
    publisher.changed();
    publisher.changed();
    publisher.changed();
    await publisher.settled();
    expect(w.writes).toEqual(['/drove/executor/h-3000 1', '/drove/executor/h-3000 2']);
    await publisher.stop();
    expect(w.removed).toEqual(['/drove/executor/h-3000']);
    publisher.changed();
    expect(w.writes).toHaveLength(2);
  });

  it('reports a failed write and writes again on the next change', async () => {
    const w = writer(true);
    const errors: string[] = [];
    const publisher = new NodeDataPublisher(
      w.zk,
      '/p',
      () => ({ updated: 1 }) as ExecutorNodeDataJson,
      60000,
      (e) => errors.push(e.message),
    );
    publisher.changed();
    await publisher.settled();
    publisher.changed();
    await publisher.settled();
    expect(errors).toEqual(['zk away', 'zk away']);
  });

  it('rewrites every interval without a change', async () => {
    jest.useFakeTimers();
    try {
      const w = writer();
      const publisher = new NodeDataPublisher(
        w.zk,
        '/p',
        () => ({ updated: 1 }) as ExecutorNodeDataJson,
        20000,
      );
      publisher.start();
      await publisher.settled();
      await jest.advanceTimersByTimeAsync(40000);
      expect(w.writes).toHaveLength(3);
      await publisher.stop();
    } finally {
      jest.useRealTimers();
    }
  });
});
