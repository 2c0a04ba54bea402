import { StateRecord } from '../engine/state-record';
import { ResourceLocks } from '../engine/resource-locks';
import { TEST_CAPACITY } from '../testing/engine.fixture';
import { FakeLeader, startFakeLeader } from '../testing/fake-leader.fixture';
import { LeaderAddress } from './leader-finder';
import { StateReporter } from './state-reporter';

const record = (instanceId: string, state: string) =>
  ({ kind: 'INSTANCE', info: { instanceId, state } }) as unknown as StateRecord;

describe('StateReporter against a loopback leader', () => {
  let leader: FakeLeader;

  beforeAll(async () => {
    leader = await startFakeLeader();
  });

  afterAll(() => leader.close());

  const reporter = (find: () => Promise<LeaderAddress | undefined>, dropped: string[] = []) =>
    new StateReporter({
      leader: { leader: find, forget: () => undefined },
      secret: 'ExecutorSecret',
      hostname: 'exec-host',
      resources: () => new ResourceLocks(TEST_CAPACITY).snapshot('ex'),
      retryDelayMs: 20,
      onDropped: (r, reason) => dropped.push(`${r.info.instanceId}: ${reason}`),
    });

  it('delivers in order with the EXECUTOR secret and NodeId, retrying a failed delivery', async () => {
    leader.failNext(1);
    const r = reporter(async () => leader.address);
    r.report(record('AI-1', 'PENDING'));
    r.report(record('AI-1', 'PROVISIONING'));
    await r.flushed();
    expect(leader.received.map((m) => [m.type, m.instanceInfo.state])).toEqual([
      ['INSTANCE_STATE_REPORT', 'PENDING'],
      ['INSTANCE_STATE_REPORT', 'PROVISIONING'],
    ]);
    expect(leader.received[0]?.headers).toMatchObject({
      'cluster-authorization': 'ExecutorSecret',
      nodeid: 'exec-host',
    });
  });

  it('drops a report after its attempts when there is no leader, and goes on', async () => {
    const dropped: string[] = [];
    const r = reporter(async () => undefined, dropped);
    r.report(record('AI-2', 'HEALTHY'));
    await r.flushed();
    expect(dropped).toEqual(['AI-2: no leader']);
  });
});
