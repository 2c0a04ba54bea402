import { DockerStreamDemux, demuxAll } from './docker-stream-demux';

function frame(type: number, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

describe('DockerStreamDemux', () => {
  it('splits frames into stdout and stderr chunks and skips stdin frames', () => {
    const data = Buffer.concat([frame(1, 'out\n'), frame(2, 'err\n'), frame(0, 'in'), frame(1, '')]);
    expect(demuxAll(data).map((c) => [c.stream, c.data.toString()])).toEqual([
      ['stdout', 'out\n'],
      ['stderr', 'err\n'],
      ['stdout', ''],
    ]);
  });

  it('reassembles frames split anywhere across reads, even inside the header', () => {
    const data = Buffer.concat([frame(1, 'hello world\n'), frame(2, 'x')]);
    for (let cut = 1; cut < data.length; cut++) {
      const demux = new DockerStreamDemux();
      const chunks = [...demux.push(data.subarray(0, cut)), ...demux.push(data.subarray(cut))];
      expect(chunks.map((c) => c.data.toString())).toEqual(['hello world\n', 'x']);
    }
  });
});
