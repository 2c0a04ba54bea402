import { startWholeController, WholeController } from '../testing/whole-controller';
import { basicAuthSettings, Caller, CALLERS } from '../testing/test-users';
import { ENDPOINT_ACCESS } from './endpoint-access';
import { RouteAccess } from './route-access';

/** Who passes each endpoint class: the README's access table, written out again rather than imported. */
const ALLOWED: Record<RouteAccess, Caller[]> = {
  ANY: ['root', 'readWrite', 'maintenance', 'readOnly', 'executor', 'appInstance'],
  READ: ['root', 'readWrite', 'maintenance', 'readOnly'],
  LOGS: ['root', 'readWrite', 'readOnly'],
  RW: ['root', 'readWrite'],
  MAINT: ['root', 'maintenance'],
  NODE: ['executor'],
  APPI: ['appInstance'],
};
const CALLER_NAMES = Object.keys(CALLERS) as Caller[];

function expected(access: RouteAccess, caller: Caller): 'allowed' | 401 | 403 {
  if (caller === 'nobody' || caller === 'wrongPassword') return 401;
  return ALLOWED[access].includes(caller) ? 'allowed' : 403;
}

/** `:name` path parameters filled with a value no route knows, so a passing call reads or refuses, quickly. */
const concrete = (url: string) => url.replace(/:(\w+)/g, 'x-$1');

async function outcome(ctl: WholeController, key: string, caller: Caller): Promise<'allowed' | number> {
  const [method, url] = key.split(' ');
  const body = method === 'POST' ? { payload: {} } : {};
  // as a stream: the answer is in at its headers, so a route that streams (SSE, which never ends) is judged too
  const res = await ctl.app.inject({
    method: method as 'GET',
    url: concrete(url),
    headers: CALLERS[caller],
    payloadAsStream: true,
    ...body,
  });
  res.stream().destroy();
  // 404 would be the router's (every path here is registered); a handler's not-found is 200 FAILED
  return [401, 403, 404].includes(res.statusCode) ? res.statusCode : 'allowed';
}

describe('endpoint x role matrix over the routes the controller really serves', () => {
  let ctl: WholeController;
  beforeAll(async () => {
    ctl = await startWholeController({ auth: basicAuthSettings() });
  });
  afterAll(() => ctl.app.close());

  it('has every registered route in the access table, and no route in the table that is not served', () => {
    const served = ctl.routes.map((r) => `${r.method} ${r.url}`);
    expect(served.filter((key) => !(key in ENDPOINT_ACCESS))).toEqual([]);
    expect(Object.keys(ENDPOINT_ACCESS).filter((key) => !served.includes(key))).toEqual([]);
  });

  it('guards the HEAD twin of every GET route as the GET itself', async () => {
    for (const [key, access] of Object.entries(ENDPOINT_ACCESS)) {
      const [method, url] = key.split(' ');
      if (method !== 'GET') continue;
      for (const caller of CALLER_NAMES) {
        const res = await ctl.app.inject({ method: 'HEAD', url: concrete(url), headers: CALLERS[caller] });
        const got = [401, 403].includes(res.statusCode) ? res.statusCode : 'allowed';
        expect([key, caller, got]).toEqual([key, caller, expected(access, caller)]);
      }
    }
  });

  const cases = Object.entries(ENDPOINT_ACCESS).flatMap(([key, access]) =>
    CALLER_NAMES.map((caller) => [key, access, caller, expected(access, caller)] as const),
  );
  it.each(cases)('%s (%s) called by %s -> %s', async (key, _, caller, wanted) => {
    expect(await outcome(ctl, key, caller)).toBe(wanted);
  });
});

describe('the matrix with options.disableReadAuth', () => {
  it('opens log routes to every external role and to nobody else', async () => {
    const ctl = await startWholeController({ auth: basicAuthSettings(true) });
    try {
      const logRoutes = Object.keys(ENDPOINT_ACCESS).filter((key) => ENDPOINT_ACCESS[key] === 'LOGS');
      for (const key of logRoutes) {
        const got = await Promise.all(CALLER_NAMES.map((caller) => outcome(ctl, key, caller)));
        expect(Object.fromEntries(CALLER_NAMES.map((c, i) => [c, got[i]]))).toEqual({
          nobody: 401,
          wrongPassword: 401,
          root: 'allowed',
          readWrite: 'allowed',
          maintenance: 'allowed',
          readOnly: 'allowed',
          executor: 403,
          appInstance: 403,
        });
      }
    } finally {
      await ctl.app.close();
    }
  });
});
