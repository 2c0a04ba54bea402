import { parseLocalServiceSpec, validateLocalServiceSpec } from '@drove/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('deploy/specs/sample-local-service.json', () => {
  it('is a valid Drove local service spec, so drove-cli (`localservices create`) can deploy it', () => {
    const path = join(__dirname, '..', '..', '..', '..', 'deploy', 'specs', 'sample-local-service.json');
    const parsed = parseLocalServiceSpec(JSON.parse(readFileSync(path, 'utf8')));
    expect(parsed).toMatchObject({ ok: true });
    if (!parsed.ok) return;
    expect(validateLocalServiceSpec(parsed.value)).toEqual([]);
  });
});
