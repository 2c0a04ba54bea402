import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { RotatingLogFile } from './rotating-log-file';

describe('RotatingLogFile', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'drove-ts-logs-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function writeLines(file: RotatingLogFile, lines: string[]): Promise<void> {
    for (const line of lines) await file.write(Buffer.from(`${line}\n`));
    await file.close();
  }

  it('rotates by size, keeps maxFiles files and drops the oldest', async () => {
    const path = join(dir, 'a', 'b', 'output.log');
    await writeLines(new RotatingLogFile(path, { maxSizeBytes: 10, maxFiles: 3, compress: false }), [
      'line-0001',
      'line-0002',
      'line-0003',
      'line-0004',
    ]);
    expect((await readdir(join(dir, 'a', 'b'))).sort()).toEqual([
      'output.log',
      'output.log.1',
      'output.log.2',
    ]);
    expect(await readFile(path, 'utf8')).toBe('line-0004\n');
    expect(await readFile(`${path}.1`, 'utf8')).toBe('line-0003\n');
    expect(await readFile(`${path}.2`, 'utf8')).toBe('line-0002\n');
  });

  it('compresses archives when asked to', async () => {
    const path = join(dir, 'output.log');
    await writeLines(new RotatingLogFile(path, { maxSizeBytes: 12, maxFiles: 2, compress: true }), [
      'first line',
      'second line',
      'third line',
    ]);
    expect((await readdir(dir)).sort()).toEqual(['output.log', 'output.log.1.gz']);
    expect(gunzipSync(await readFile(`${path}.1.gz`)).toString()).toBe('second line\n');
  });

  it('keeps only the live file with maxFiles 1 and appends to an existing file after a restart', async () => {
    const path = join(dir, 'output.log');
    await writeLines(new RotatingLogFile(path, { maxSizeBytes: 100, maxFiles: 1, compress: false }), [
      'before',
    ]);
    await writeLines(new RotatingLogFile(path, { maxSizeBytes: 14, maxFiles: 1, compress: false }), [
      'after',
      'rotated',
    ]);
    expect(await readdir(dir)).toEqual(['output.log']);
    expect(await readFile(path, 'utf8')).toBe('rotated\n');
  });

  it('ignores writes after close', async () => {
    const path = join(dir, 'output.log');
    const file = new RotatingLogFile(path, { maxSizeBytes: 100, maxFiles: 1, compress: false });
    await writeLines(file, ['kept']);
    await file.write(Buffer.from('dropped\n'));
    expect(await readFile(path, 'utf8')).toBe('kept\n');
  });
});
