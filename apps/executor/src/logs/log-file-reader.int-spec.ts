import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogFileAccessError, LogFileReader } from './log-file-reader';

describe('LogFileReader', () => {
  let root: string;
  let reader: LogFileReader;
  const content = 'Iteration: 1\nIteration: 2\nIteration: 3\n';

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'drove-ts-logread-'));
    const dir = join(root, 'app-1', 'AI-1');
    await mkdir(join(dir, 'output.dir'), { recursive: true });
    await writeFile(join(dir, 'output.log'), content);
    await writeFile(join(dir, 'output.log.1'), 'older\n');
    await writeFile(join(dir, 'secret.txt'), 'not a log');
    await writeFile(join(root, 'outside.txt'), 'outside');
    await mkdir(join(root, 'app-1', 'AI-2'), { recursive: true });
    await writeFile(join(root, 'app-1', 'AI-2', 'output.log'), 'other instance');
    await symlink(join(root, 'outside.txt'), join(dir, 'output.escape'));
    await symlink(join(root, 'app-1', 'AI-2', 'output.log'), join(dir, 'output.sibling'));
    reader = new LogFileReader(root);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('lists only regular files named output.*', async () => {
    expect(await reader.list('app-1', 'AI-1')).toEqual(['output.log', 'output.log.1']);
    expect(await reader.list('app-1', 'AI-9')).toEqual([]);
  });

  it('reads by offsets as Drove does: size first, then chunks, returning the requested offset', async () => {
    expect(await reader.read('app-1', 'AI-1', 'output.log', -1, -1)).toEqual({
      data: '',
      offset: content.length,
    });
    expect(await reader.read('app-1', 'AI-1', 'output.log', 0, 13)).toEqual({
      data: 'Iteration: 1\n',
      offset: 0,
    });
    expect(await reader.read('app-1', 'AI-1', 'output.log', 13, 13)).toEqual({
      data: 'Iteration: 2\n',
      offset: 13,
    });
    expect(await reader.read('app-1', 'AI-1', 'output.log', 26, -1)).toEqual({
      data: 'Iteration: 3\n',
      offset: 26,
    });
    expect(await reader.read('app-1', 'AI-1', 'output.log', 500, 10)).toEqual({ data: '', offset: 500 });
  });

  it.each([
    ['app-1', 'AI-1', '../AI-2/output.log'],
    ['app-1', 'AI-1', '..'],
    ['app-1', '..', 'output.log'],
    ['..', 'app-1', 'output.log'],
    ['app-1', 'AI-1', 'secret.txt'],
    ['app-1', 'AI-1', 'output.escape'],
    ['app-1', 'AI-1', 'output.sibling'],
    ['app-1', 'AI-1', 'output.missing'],
  ])('refuses %s/%s/%s', async (part1, part2, file) => {
    await expect(reader.read(part1, part2, file, 0, 10)).rejects.toBeInstanceOf(LogFileAccessError);
    await expect(reader.download(part1, part2, file)).rejects.toBeInstanceOf(LogFileAccessError);
  });

  it('refuses a directory named like a log and an offset of -1 with a length', async () => {
    await expect(reader.download('app-1', 'AI-1', 'output.dir')).rejects.toBeInstanceOf(LogFileAccessError);
    await expect(reader.read('app-1', 'AI-1', 'output.log', -1, 10)).rejects.toBeInstanceOf(
      LogFileAccessError,
    );
  });

  it('streams a whole file for download', async () => {
    const { size, stream } = await reader.download('app-1', 'AI-1', 'output.log.1');
    const parts: Buffer[] = [];
    for await (const part of stream) parts.push(part as Buffer);
    expect(size).toBe(6);
    expect(Buffer.concat(parts).toString()).toBe('older\n');
  });
});
