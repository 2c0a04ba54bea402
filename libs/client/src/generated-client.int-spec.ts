import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..', '..');
const committed = join(root, 'libs/client/src/generated/controller-api.d.ts');

describe('the generated client types (libs/client/src/generated)', () => {
  it('are what openapi-typescript makes of apps/controller/openapi.json (else `npm run openapi`)', () => {
    const work = mkdtempSync(join(tmpdir(), 'drove-client-'));
    try {
      const fresh = join(work, 'controller-api.d.ts');
      const cli = join(root, 'node_modules/openapi-typescript/bin/cli.js');
      execFileSync(process.execPath, [cli, 'apps/controller/openapi.json', '-o', fresh], {
        cwd: root,
        stdio: 'pipe',
      });
      expect(readFileSync(committed, 'utf8')).toBe(readFileSync(fresh, 'utf8'));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
