import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

export interface RotationPolicy {
  maxSizeBytes: number;
  // Files kept in all, the live one included (Docker's max-file).
  maxFiles: number;
  compress: boolean;
}

// Archive names, newest first: output.log.1[.gz] ... output.log.<maxFiles-1>[.gz], as logrotate and most log
// shippers expect. Every one starts with "output." so the log API lists it.
export function archiveName(path: string, index: number, compress: boolean): string {
  return `${path}.${index}${compress ? '.gz' : ''}`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

// An append-only log file rotated by size. Writes are serialised; a write never splits across two files, so
// a file may exceed maxSize by at most one write.
export class RotatingLogFile {
  private handle?: FileHandle;
  private size = 0;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    readonly path: string,
    private readonly policy: RotationPolicy,
  ) {
    if (policy.maxFiles < 1 || policy.maxSizeBytes < 1) throw new Error('invalid rotation policy');
  }

  write(data: Buffer): Promise<void> {
    return this.enqueue(async () => {
      if (this.closed) return;
      const current = await this.ensureOpen();
      const full = this.size > 0 && this.size + data.length > this.policy.maxSizeBytes;
      const handle = full ? await this.rotate() : current;
      await handle.write(data);
      this.size += data.length;
    });
  }

  close(): Promise<void> {
    return this.enqueue(async () => {
      this.closed = true;
      await this.handle?.close();
      this.handle = undefined;
    });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async ensureOpen(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    await mkdir(dirname(this.path), { recursive: true });
    this.handle = await open(this.path, 'a');
    this.size = (await this.handle.stat()).size;
    return this.handle;
  }

  private async rotate(): Promise<FileHandle> {
    await this.handle?.close();
    this.handle = undefined;
    const { maxFiles, compress } = this.policy;
    if (maxFiles === 1) {
      await rm(this.path, { force: true });
    } else {
      await rm(archiveName(this.path, maxFiles - 1, compress), { force: true });
      for (let i = maxFiles - 2; i >= 1; i--) {
        const from = archiveName(this.path, i, compress);
        if (await exists(from)) await rename(from, archiveName(this.path, i + 1, compress));
      }
      if (compress) {
        await pipeline(
          createReadStream(this.path),
          createGzip(),
          createWriteStream(archiveName(this.path, 1, true)),
        );
        await rm(this.path);
      } else {
        await rename(this.path, archiveName(this.path, 1, false));
      }
    }
    return this.ensureOpen();
  }
}
