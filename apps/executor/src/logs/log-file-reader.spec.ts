import { DEFAULT_READ_LENGTH, LogFileAccessError, checkPathSegment, readWindow } from './log-file-reader';
import { archiveName } from './rotating-log-file';

describe('log file names', () => {
  it.each(['output.log', 'output.log.1.gz', 'AI-1234', 'a..b'])('accepts %j', (name) => {
    expect(() => checkPathSegment(name)).not.toThrow();
  });

  it.each(['', '.', '..', '../etc', 'a/b', '..\\x', '/etc/passwd', 'x\0y'])('refuses %j', (name) => {
    expect(() => checkPathSegment(name)).toThrow(LogFileAccessError);
  });

  it('names archives newest first, with .gz when compressed', () => {
    expect(archiveName('/l/output.log', 1, false)).toBe('/l/output.log.1');
    expect(archiveName('/l/output.log', 2, true)).toBe('/l/output.log.2.gz');
  });
});

describe('readWindow', () => {
  it.each([
    [-1, -1, 100, { kind: 'size' }],
    [0, 10, 100, { kind: 'bytes', start: 0, length: 10 }],
    [95, 10, 100, { kind: 'bytes', start: 95, length: 5 }],
    [150, 10, 100, { kind: 'bytes', start: 150, length: 0 }],
    [0, -1, 100_000, { kind: 'bytes', start: 0, length: DEFAULT_READ_LENGTH }],
    [0, 10_000_000, 10_000_000, { kind: 'bytes', start: 0, length: 1024 * 1024 }],
  ])('offset %i length %i of %i bytes -> %j', (offset, length, size, window) => {
    expect(readWindow(offset, length, size)).toEqual(window);
  });

  it.each([
    [-1, 100],
    [-5, -1],
    [0, 0],
    [0, -2],
    [0.5, 10],
  ])('refuses offset %i length %i', (offset, length) => {
    expect(() => readWindow(offset, length, 100)).toThrow(LogFileAccessError);
  });
});
