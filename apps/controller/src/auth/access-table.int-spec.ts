import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DroveRole } from './drove-role';
import { ENDPOINT_ACCESS } from './endpoint-access';
import { canAccess, RouteAccess } from './route-access';

const COLUMNS: DroveRole[] = [
  'DROVE_EXTERNAL_ROOT',
  'DROVE_EXTERNAL_READ_WRITE',
  'DROVE_EXTERNAL_MAINTENANCE',
  'DROVE_EXTERNAL_READ_ONLY',
  'DROVE_CLUSTER_NODE',
  'DROVE_APPLICATION_INSTANCE',
];

const readme = () => readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('apps/controller/README.md access table', () => {
  it('says exactly what the guard enforces', () => {
    const rows = readme()
      .split('\n')
      .map((line) => /^\| `([A-Z]+)`\s*\|[^|]*\|(.*)\|$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null);
    const documented = rows.map(([, access, cells]) => [
      access,
      cells.split('|').map((c) => c.trim().startsWith('yes')),
    ]);
    const enforced = rows.map(([, access]) => [
      access,
      COLUMNS.map((role) => canAccess(role, access as RouteAccess, { disableReadAuth: false })),
    ]);
    expect(rows.map(([, access]) => access)).toEqual(['ANY', 'READ', 'LOGS', 'RW', 'MAINT', 'NODE', 'APPI']);
    expect(documented).toEqual(enforced);
  });

  it('lists every endpoint with the class the controller gives it', () => {
    const listed = readme()
      .split('\n')
      .map((line) => /^\| `((?:GET|POST|PUT|DELETE) [^`]+)`\s*\| `([A-Z]+)`\s*\|$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map(([, endpoint, access]) => [endpoint, access]);
    expect(Object.fromEntries(listed)).toEqual(ENDPOINT_ACCESS);
    expect(listed).toHaveLength(Object.keys(ENDPOINT_ACCESS).length);
  });
});
