import { LogChunk } from '../container-runtime.port';

// Docker multiplexes stdout and stderr of a non-TTY container into frames: one byte stream type (1 stdout,
// 2 stderr), three zero bytes, a 4-byte big-endian length, then the payload. Frames may be split across reads.
const HEADER = 8;

export class DockerStreamDemux {
  private pending: Buffer = Buffer.alloc(0);

  // Returns every frame completed by this piece of input.
  push(data: Buffer): LogChunk[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, data]) : data;
    const chunks: LogChunk[] = [];
    while (this.pending.length >= HEADER) {
      const size = this.pending.readUInt32BE(4);
      if (this.pending.length < HEADER + size) break;
      const type = this.pending[0];
      const payload = this.pending.subarray(HEADER, HEADER + size);
      if (type === 1 || type === 2) {
        chunks.push({ stream: type === 2 ? 'stderr' : 'stdout', data: Buffer.from(payload) });
      }
      this.pending = this.pending.subarray(HEADER + size);
    }
    return chunks;
  }
}

export function demuxAll(data: Buffer): LogChunk[] {
  return new DockerStreamDemux().push(data);
}
