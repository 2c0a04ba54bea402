import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoredEvent } from '../core/event-store.port';

/** Sealed segments as NDJSON files, one event envelope a line, exactly as stored (the hash chain runs on). */
export class NdjsonArchive {
  private cached?: { segment: number; events: StoredEvent[] };

  constructor(readonly dir: string) {}

  fileOf(segment: number): string {
    return join(this.dir, `seg-${String(segment).padStart(10, '0')}.ndjson`);
  }

  /** Written to a temporary file, flushed, then renamed: a crash never leaves a half file under the real name. */
  async write(segment: number, events: readonly StoredEvent[]): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = this.fileOf(segment);
    const temporary = `${file}.${process.pid}.tmp`;
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(events.map((event) => JSON.stringify(event) + '\n').join(''));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  }

  async read(segment: number): Promise<StoredEvent[]> {
    if (this.cached?.segment === segment) return this.cached.events;
    const text = await readFile(this.fileOf(segment), 'utf8');
    const events = text
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as StoredEvent);
    this.cached = { segment, events };
    return events;
  }
}
