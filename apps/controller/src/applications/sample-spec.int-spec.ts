import { parseApplicationSpec, validateApplicationSpec } from '@drove/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('deploy/specs/sample-app.json', () => {
  it('is a valid Drove application spec, so `npm run cluster` and drove-cli can deploy it', () => {
    const path = join(__dirname, '..', '..', '..', '..', 'deploy', 'specs', 'sample-app.json');
    const parsed = parseApplicationSpec(JSON.parse(readFileSync(path, 'utf8')));
    expect(parsed).toMatchObject({ ok: true });
    if (!parsed.ok) return;
    expect(validateApplicationSpec(parsed.value)).toEqual([]);
  });
});
