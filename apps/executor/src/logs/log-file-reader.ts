import { createReadStream, ReadStream } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';

// Drove's log file API over an instance's log folder (E/resources/LogFileStream.java): list, read by offset,
// download. Every name comes from a URL, so each is checked to be one plain path segment and the resolved file
// (symlinks followed) to lie inside the instance's folder.

export const DEFAULT_READ_LENGTH = 32768;
const MAX_READ_LENGTH = 1024 * 1024;

export class LogFileAccessError extends Error {}

export interface LogRead {
  data: string;
  // Drove returns the requested offset, not the next one; clients add data.length themselves.
  offset: number;
}

export function checkPathSegment(segment: string): void {
  if (!segment || segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) {
    throw new LogFileAccessError(`Invalid path element: ${JSON.stringify(segment)}`);
  }
}

// Which bytes a read(offset, length) covers: offset=-1 & length=-1 asks for the current size (tail start).
export function readWindow(
  offset: number,
  length: number,
  size: number,
): { kind: 'size' } | { kind: 'bytes'; start: number; length: number } {
  if (!Number.isInteger(offset) || !Number.isInteger(length))
    throw new LogFileAccessError('Invalid offset or length');
  if (offset === -1 && length === -1) return { kind: 'size' };
  if (offset < 0)
    throw new LogFileAccessError('Offset must be non-negative unless both offset and length are -1');
  if (length < -1 || length === 0) throw new LogFileAccessError('Length must be positive or -1');
  const wanted = Math.min(length === -1 ? DEFAULT_READ_LENGTH : length, MAX_READ_LENGTH);
  return { kind: 'bytes', start: offset, length: Math.max(0, Math.min(wanted, size - offset)) };
}

function isInside(parent: string, child: string): boolean {
  const path = relative(parent, child);
  return !!path && !path.startsWith('..') && !isAbsolute(path);
}

export class LogFileReader {
  constructor(private readonly root: string) {}

  async list(part1: string, part2: string): Promise<string[]> {
    const dir = await this.instanceDir(part1, part2);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    return entries
      .filter((e) => e.isFile() && e.name.startsWith('output.'))
      .map((e) => e.name)
      .sort();
  }

  async read(
    part1: string,
    part2: string,
    fileName: string,
    offset: number,
    length: number,
  ): Promise<LogRead> {
    const path = await this.filePath(part1, part2, fileName);
    const handle = await open(path, 'r').catch(() => {
      throw new LogFileAccessError(`Could not read file ${fileName}`);
    });
    try {
      const { size } = await handle.stat();
      const window = readWindow(offset, length, size);
      if (window.kind === 'size') return { data: '', offset: size };
      const buffer = Buffer.alloc(window.length);
      const { bytesRead } = await handle.read(buffer, 0, window.length, window.start);
      return { data: buffer.subarray(0, bytesRead).toString('utf8'), offset };
    } finally {
      await handle.close();
    }
  }

  async download(
    part1: string,
    part2: string,
    fileName: string,
  ): Promise<{ size: number; stream: ReadStream }> {
    const path = await this.filePath(part1, part2, fileName);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) throw new LogFileAccessError(`Could not read file ${fileName}`);
    return { size: info.size, stream: createReadStream(path) };
  }

  private async instanceDir(part1: string, part2: string): Promise<string> {
    checkPathSegment(part1);
    checkPathSegment(part2);
    return join(this.root, part1, part2);
  }

  private async filePath(part1: string, part2: string, fileName: string): Promise<string> {
    const dir = await this.instanceDir(part1, part2);
    checkPathSegment(fileName);
    if (!fileName.startsWith('output.')) throw new LogFileAccessError(`Not a log file: ${fileName}`);
    const path = join(dir, fileName);
    const [realRoot, realDir, realFile] = await Promise.all([
      realpath(this.root),
      realpath(dir),
      realpath(path),
    ]).catch(() => {
      throw new LogFileAccessError(`Could not read file ${fileName}`);
    });
    if (!isInside(realRoot, realDir) || !isInside(realDir, realFile)) {
      throw new LogFileAccessError(`File ${fileName} is outside the instance's log folder`);
    }
    return realFile;
  }
}
