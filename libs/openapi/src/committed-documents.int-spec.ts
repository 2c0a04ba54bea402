import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Each document is generated from the BUILT app: the schemas come from the Swagger CLI plugin, which runs in
// `nest build` (tsc) and not under Jest's SWC. `npm test` builds first (pretest); a build older than the sources
// would check the wrong code, so that is a failure of its own.
const root = resolve(__dirname, '..', '..', '..');
const FIX = 'regenerate with `npm run openapi` and commit the documents and libs/client';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/** Newest code a build compiles: no tests, no declaration files (the generated client types emit nothing). */
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

/** Where a schema says `object` and nothing more: what `unknown` or an interface type would give. */
function bareObjects(node: unknown, at = '#'): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => bareObjects(item, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const shaped = ['properties', 'additionalProperties', 'oneOf', 'allOf', 'anyOf'].some((k) => k in record);
  const here = record.type === 'object' && !shaped ? [at] : [];
  return [...here, ...Object.entries(record).flatMap(([key, value]) => bareObjects(value, `${at}/${key}`))];
}

/** Operations without a 2xx answer that has a schema. */
function undescribed(paths: Record<string, Record<string, Operation>>): string[] {
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, operation]) => {
        const answers = Object.entries(operation.responses).filter(([code]) => code.startsWith('2'));
        return !answers.some(([, r]) => Object.values(r.content ?? {}).some((c) => c.schema !== undefined));
      })
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
}

describe.each(['controller', 'executor'])('the committed OpenAPI document of the %s', (app) => {
  const generator = join(root, `dist/apps/${app}/apps/${app}/src/openapi/write-openapi.js`);
  const committed = join(root, `apps/${app}/openapi.json`);
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'drove-openapi-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('gives every operation a 2xx answer with a schema, and no schema is a bare object', () => {
    const document = JSON.parse(readFileSync(committed, 'utf8')) as {
      paths: Record<string, Record<string, Operation>>;
    };
    expect(undescribed(document.paths)).toEqual([]);
    expect(bareObjects(document)).toEqual([]);
  });

  it('is checked against a build no older than the sources (run `npm run build` first)', () => {
    const sources = Math.max(newestSource(join(root, `apps/${app}/src`)), newestSource(join(root, 'libs')));
    expect(statSync(generator).mtimeMs).toBeGreaterThanOrEqual(sources);
  });

  it(`is what the built app describes (else ${FIX})`, () => {
    const fresh = join(work, `${app}.json`);
    execFileSync(process.execPath, [generator, fresh], { cwd: root, stdio: 'pipe' });
    const expected = readFileSync(fresh, 'utf8');
    const actual = readFileSync(committed, 'utf8');
    // compared as objects first, so that a failure shows which part moved rather than two long strings
    expect(JSON.parse(actual)).toEqual(JSON.parse(expected));
    expect(actual).toBe(expected);
  });
});
