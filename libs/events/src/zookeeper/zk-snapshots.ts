import { randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Snapshot } from '../core/event-store.port';
import { isNoNode, type Zk } from './zk-client';

/** Under ZooKeeper's 1 MiB jute.maxbuffer, with room for the request around the data. */
export const CHUNK_BYTES = 900 * 1024;

interface SnapshotPointer {
  position: number;
  generation: string;
  chunks: number;
}

/**
 * A snapshot is deflated JSON cut into chunk znodes of one generation; the snapshot znode's data points at the
 * complete generation, and is switched only after all its chunks exist, so a reader never sees half a snapshot.
 */
export class ZkSnapshots {
  constructor(
    private readonly zk: Zk,
    private readonly root: string,
  ) {}

  async save<S>(name: string, position: number, state: S): Promise<void> {
    const path = `${this.root}/${name}`;
    await this.zk.createIfAbsent(path);
    const generation = randomBytes(6).toString('hex');
    const packed = deflateRawSync(Buffer.from(JSON.stringify(state)));
    const chunks = Math.max(1, Math.ceil(packed.length / CHUNK_BYTES));
    await Promise.all(
      Array.from({ length: chunks }, (_, i) =>
        this.zk.create(`${path}/${generation}-${i}`, packed.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES)),
      ),
    );
    const pointer: SnapshotPointer = { position, generation, chunks };
    await this.zk.setData(path, Buffer.from(JSON.stringify(pointer)));
    const stale = (await this.zk.getChildren(path)).filter((child) => !child.startsWith(`${generation}-`));
    await Promise.all(stale.map((child) => this.zk.remove(`${path}/${child}`).catch(() => undefined)));
  }

  async load<S>(name: string): Promise<Snapshot<S> | undefined> {
    const path = `${this.root}/${name}`;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const { data } = await this.zk.getData(path);
        if (data.length === 0) return undefined;
        const pointer = JSON.parse(data.toString('utf8')) as SnapshotPointer;
        const parts = await Promise.all(
          Array.from({ length: pointer.chunks }, (_, i) =>
            this.zk.getData(`${path}/${pointer.generation}-${i}`),
          ),
        );
        const state = JSON.parse(
          inflateRawSync(Buffer.concat(parts.map((part) => part.data))).toString('utf8'),
        ) as S;
        return { position: pointer.position, state };
      } catch (error) {
        if (!isNoNode(error)) throw error;
        // No snapshot yet, or a newer one replaced the generation being read: look again.
        if (attempt >= 2 || !(await this.zk.exists(path))) return undefined;
      }
    }
  }
}
