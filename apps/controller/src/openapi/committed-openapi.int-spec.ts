import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The document is generated from the BUILT controller: the schemas come from the Swagger CLI plugin, which runs in
// `nest build` (tsc) and not under Jest's SWC. `npm test` builds first (pretest); a build older than the sources
// would check the wrong code, so that is a failure of its own.
const root = resolve(__dirname, '..', '..', '..', '..');
const generator = join(root, 'dist/apps/controller/apps/controller/src/openapi/write-openapi.js');
const committed = join(root, 'apps/controller/openapi.json');
const FIX = 'regenerate with `npm run openapi` and commit apps/controller/openapi.json and libs/client';

/** Newest code the build compiles: no tests, no declaration files (the generated client types emit nothing). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.ts$/.test(entry.name) && !/\.((int-|e2e-)?spec|d)\.ts$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/** Where a schema says `object` and nothing more: what `unknown` or an interface type would give. */
function bareObjects(node: unknown, at = '#'): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => bareObjects(item, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const shaped = ['properties', 'additionalProperties', 'oneOf', 'allOf', 'anyOf'].some((k) => k in record);
  const here = record.type === 'object' && !shaped ? [at] : [];
  return [...here, ...Object.entries(record).flatMap(([key, value]) => bareObjects(value, `${at}/${key}`))];
}

describe('the committed OpenAPI document (apps/controller/openapi.json)', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'drove-openapi-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('gives every operation a 2xx answer with a schema, and no schema is a bare object', () => {
    const document = JSON.parse(readFileSync(committed, 'utf8')) as {
      paths: Record<string, Record<string, Operation>>;
    };
    const undescribed = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => {
          const answers = Object.entries(operation.responses).filter(([code]) => code.startsWith('2'));
          return !answers.some(([, r]) => Object.values(r.content ?? {}).some((c) => c.schema !== undefined));
        })
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(undescribed).toEqual([]);
    expect(bareObjects(document)).toEqual([]);
  });

  it('is built from sources no newer than the build (run `npm run build` first)', () => {
    const sources = Math.max(
      newestSource(join(root, 'apps/controller/src')),
      newestSource(join(root, 'libs')),
    );
    expect(statSync(generator).mtimeMs).toBeGreaterThanOrEqual(sources);
  });

  it(`is what the built controller describes (else ${FIX})`, () => {
    const fresh = join(work, 'openapi.json');
    execFileSync(process.execPath, [generator, fresh], { cwd: root, stdio: 'pipe' });
    const expected = readFileSync(fresh, 'utf8');
    const actual = readFileSync(committed, 'utf8');
    // compared as objects first, so that a failure shows which part moved rather than two long strings
    expect(JSON.parse(actual)).toEqual(JSON.parse(expected));
    expect(actual).toBe(expected);
  });
});
