import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

describe('hwloc from provisioning (smoke)', () => {
  it('describes a synthetic two-socket machine as two NUMA nodes', async () => {
    const { stdout } = await run('lstopo-no-graphics', [
      '--input',
      'package:2 [numa] core:4 pu:2',
      '--of',
      'xml',
    ]);
    const numaNodes = stdout.match(/<object type="NUMANode"/g) ?? [];
    const pus = stdout.match(/<object type="PU"/g) ?? [];
    expect(numaNodes).toHaveLength(2);
    expect(pus).toHaveLength(16);
  });
});
