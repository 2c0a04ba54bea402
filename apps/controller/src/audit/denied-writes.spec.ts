import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { ENDPOINT_ACCESS } from '../auth/endpoint-access';
import { FakeExecutor } from '../testing/fake-executor';
import { basicAuthSettings, Caller, CALLERS } from '../testing/test-users';
import { waitUntil } from '../testing/wait-until';
import { startWholeController, WholeController } from '../testing/whole-controller';

const EXECUTOR_ID = 'exec-1-id';
const opSpec = opSpecJson();
const create = (name: string) => ({
  type: 'CREATE',
  spec: { ...minimalApplicationSpecJson(), name },
  instances: 1,
  opSpec,
});
const taskSpec = {
  sourceAppName: 'batch',
  taskId: 't1',
  executable: { type: 'DOCKER', url: 'drove-test/task:latest', dockerPullTimeout: '100 seconds' },
  resources: [
    { type: 'CPU', count: 1 },
    { type: 'MEMORY', sizeInMB: 64 },
  ],
};

interface WriteCall {
  route: string;
  url: string;
  body?: unknown;
  /** Who may make it (the positive control: the same call by them writes). */
  by: Caller;
}

/**
 * Every write route with a body that writes when an allowed caller sends it, in an order in which each one does
 * (an app with an open operation before its cancel, maintenance last: its window gates the others).
 */
const WRITES = (executor: FakeExecutor): WriteCall[] => [
  {
    route: 'POST /apis/v1/messages',
    url: '/apis/v1/messages',
    by: 'executor',
    body: {
      type: 'EXECUTOR_SNAPSHOT',
      header: { id: 's-1', senderType: 'EXECUTOR', direction: 'REQUEST', messageTime: 1 },
      nodeData: executor.nodeData(),
    },
  },
  {
    route: 'POST /apis/v1/applications/operations',
    url: '/apis/v1/applications/operations',
    by: 'readWrite',
    body: create('a'),
  },
  { route: 'POST /apis/v1/operations', url: '/apis/v1/operations', by: 'root', body: create('b') },
  {
    route: 'POST /apis/v1/applications/operations/:appId/cancel',
    url: '/apis/v1/applications/operations/a-1/cancel',
    by: 'readWrite',
  },
  { route: 'POST /apis/v1/operations/:appId/cancel', url: '/apis/v1/operations/b-1/cancel', by: 'root' },
  {
    route: 'POST /apis/v1/tasks/operations',
    url: '/apis/v1/tasks/operations',
    by: 'readWrite',
    body: { type: 'CREATE', spec: taskSpec, opSpec },
  },
  {
    route: 'POST /apis/v1/localservices/operations',
    url: '/apis/v1/localservices/operations',
    by: 'readWrite',
    body: {
      type: 'CREATE',
      spec: {
        ...minimalApplicationSpecJson(),
        name: 's',
        type: 'LOCAL_SERVICE',
        placementPolicy: { type: 'LOCAL', hostLevel: false },
      },
      instancesPerHost: 1,
    },
  },
  // its start never turns HEALTHY (this executor reports nothing), so the operation is still open for the cancel
  {
    route: 'POST /apis/v1/localservices/operations',
    url: '/apis/v1/localservices/operations',
    by: 'root',
    body: { type: 'ACTIVATE', serviceId: 's-1' },
  },
  {
    route: 'POST /apis/v1/localservices/operations/:serviceId/cancel',
    url: '/apis/v1/localservices/operations/s-1/cancel',
    by: 'readWrite',
  },
  {
    route: 'POST /apis/v1/cluster/executors/:executorId/blacklist',
    url: `/apis/v1/cluster/executors/${EXECUTOR_ID}/blacklist`,
    by: 'maintenance',
  },
  {
    route: 'POST /apis/v1/cluster/executors/:executorId/unblacklist',
    url: `/apis/v1/cluster/executors/${EXECUTOR_ID}/unblacklist`,
    by: 'maintenance',
  },
  {
    route: 'POST /apis/v1/cluster/executors/blacklist',
    url: `/apis/v1/cluster/executors/blacklist?id=${EXECUTOR_ID}`,
    by: 'root',
  },
  {
    route: 'POST /apis/v1/cluster/executors/unblacklist',
    url: `/apis/v1/cluster/executors/unblacklist?id=${EXECUTOR_ID}`,
    by: 'root',
  },
  {
    route: 'POST /apis/v1/cluster/maintenance/set',
    url: '/apis/v1/cluster/maintenance/set',
    by: 'maintenance',
  },
  {
    route: 'POST /apis/v1/cluster/maintenance/unset',
    url: '/apis/v1/cluster/maintenance/unset',
    by: 'maintenance',
  },
];

// the executor's snapshot is recorded by the executor registry, a write the controller makes itself
const ACTORS: Partial<Record<Caller, string>> = {
  root: 'root',
  readWrite: 'rw',
  maintenance: 'maint',
  executor: 'system',
};

/** Refused callers: none, a wrong password, a reader, and a principal of the wrong kind for the route. */
const refusedFor = (call: WriteCall): [Caller, number][] => [
  ['nobody', 401],
  ['wrongPassword', 401],
  ['readOnly', 403],
  [call.by === 'executor' ? 'root' : 'executor', 403],
];

describe('denied writes leave no event (every write route, through the whole controller)', () => {
  let ctl: WholeController;
  let executor: FakeExecutor;

  beforeAll(async () => {
    executor = new FakeExecutor();
    ctl = await startWholeController({ auth: basicAuthSettings(), messenger: executor });
    // the leadership record written at start: wait for it, so the log is quiet from here on
    await waitUntil('leadership recorded', async () => (await ctl.store.headPosition()) > 0);
  });
  afterAll(() => ctl.app.close());

  const send = (call: WriteCall, caller: Caller) =>
    ctl.app.inject({
      method: 'POST',
      url: call.url,
      headers: CALLERS[caller],
      ...(call.body === undefined ? {} : { payload: call.body as object }),
    });

  it('covers every route of a writing class in the access table', () => {
    // a GET of a writing class (a cluster node's read) writes nothing
    const writing = Object.keys(ENDPOINT_ACCESS).filter(
      (key) => !key.startsWith('GET ') && ['RW', 'MAINT', 'NODE'].includes(ENDPOINT_ACCESS[key]),
    );
    expect([...new Set(WRITES(executor).map((c) => c.route))].sort()).toEqual(writing.sort());
  });

  it('refuses each with 401/403, writes nothing and records the denial; the allowed caller then writes', async () => {
    for (const call of WRITES(executor)) {
      const head = await ctl.store.headPosition();
      const audited = ctl.audit.lines.length;
      for (const [caller, status] of refusedFor(call)) {
        expect([call.route, caller, (await send(call, caller)).statusCode]).toEqual([
          call.route,
          caller,
          status,
        ]);
      }
      expect([call.route, await ctl.store.headPosition()]).toEqual([call.route, head]);
      expect(ctl.audit.lines.slice(audited).map((l) => [l.kind, l.status, l.path])).toEqual(
        refusedFor(call).map(([, status]) => ['denied', status, call.url]),
      );

      const allowed = await send(call, call.by);
      expect([call.route, allowed.statusCode, allowed.json<{ status?: string }>().status]).toEqual([
        call.route,
        200,
        call.by === 'executor' ? 'ACCEPTED' : 'SUCCESS',
      ]);
      const writer = ACTORS[call.by];
      await waitUntil(
        `${call.route} wrote`,
        async () => (await ctl.store.readAll(head + 1, 100)).some((e) => e.actor === writer),
        2000,
      );
    }
  });
});
