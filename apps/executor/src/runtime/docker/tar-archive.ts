import { FileToCopy } from '../container-runtime.port';

// A minimal POSIX ustar writer for Docker's putArchive (no dependency for a hundred bytes of header). Only
// regular files: Docker creates missing parent directories itself, and directory entries would reset the
// permissions of existing ones such as /tmp.
const BLOCK = 512;

function splitName(path: string): { name: string; prefix: string } {
  const relative = path.replace(/^\/+/, '');
  if (Buffer.byteLength(relative) <= 100) return { name: relative, prefix: '' };
  const cut = relative.lastIndexOf('/', relative.length - 1);
  for (let at = cut; at > 0; at = relative.lastIndexOf('/', at - 1)) {
    const prefix = relative.slice(0, at);
    const name = relative.slice(at + 1);
    if (Buffer.byteLength(name) <= 100 && Buffer.byteLength(prefix) <= 155) return { name, prefix };
  }
  throw new Error(`path too long for a tar entry: ${path}`);
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(file: FileToCopy, mtimeSeconds: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const { name, prefix } = splitName(file.path);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(file.mode ?? 0o644, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(file.content.length, 12), 124, 'ascii');
  block.write(octal(mtimeSeconds, 12), 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write('0', 156, 'ascii');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  const checksum = block.reduce((sum, byte) => sum + byte, 0);
  block.write(octal(checksum, 7) + ' ', 148, 'ascii');
  return block;
}

export function tarArchive(files: FileToCopy[], mtimeSeconds: number): Buffer {
  const parts: Buffer[] = [];
  for (const file of files) {
    parts.push(header(file, mtimeSeconds), file.content);
    const padding = (BLOCK - (file.content.length % BLOCK)) % BLOCK;
    parts.push(Buffer.alloc(padding));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}
