import { tarArchive } from './tar-archive';

function field(block: Buffer, offset: number, length: number): string {
  return block
    .subarray(offset, offset + length)
    .toString('utf8')
    .replace(/\0.*$/s, '');
}

function checksumOk(block: Buffer): boolean {
  const copy = Buffer.from(block);
  copy.write('        ', 148, 'ascii');
  const sum = copy.reduce((s, b) => s + b, 0);
  return parseInt(field(block, 148, 8).trim(), 8) === sum;
}

describe('tarArchive', () => {
  it('writes ustar entries relative to / with size, mode, padding and a valid checksum', () => {
    const archive = tarArchive(
      [
        { path: '/etc/app.conf', content: Buffer.from('abc') },
        { path: '/secret', content: Buffer.alloc(600, 1), mode: 0o600 },
      ],
      1700000000,
    );
    expect(archive.length).toBe(512 + 512 + 512 + 1024 + 1024);
    const first = archive.subarray(0, 512);
    expect(field(first, 0, 100)).toBe('etc/app.conf');
    expect(parseInt(field(first, 124, 12), 8)).toBe(3);
    expect(parseInt(field(first, 100, 8), 8)).toBe(0o644);
    expect(field(first, 257, 6)).toBe('ustar');
    expect(checksumOk(first)).toBe(true);
    expect(archive.subarray(512, 515).toString()).toBe('abc');
    const second = archive.subarray(1024, 1536);
    expect(field(second, 0, 100)).toBe('secret');
    expect(parseInt(field(second, 100, 8), 8)).toBe(0o600);
    expect(checksumOk(second)).toBe(true);
  });

  it('puts the directories of a long path into the prefix field and refuses what cannot fit', () => {
    const dir = `/${'d'.repeat(60)}/${'e'.repeat(60)}`;
    const block = tarArchive([{ path: `${dir}/file.txt`, content: Buffer.alloc(0) }], 0);
    expect(field(block, 0, 100)).toBe('file.txt');
    expect(field(block, 345, 155)).toBe(dir.slice(1));
    expect(() => tarArchive([{ path: `/${'x'.repeat(120)}`, content: Buffer.alloc(0) }], 0)).toThrow(
      /too long/,
    );
  });
});
