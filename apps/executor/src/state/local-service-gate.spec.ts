import { StateRecord } from '../engine/state-record';
import { ExecutorStateHolder } from './executor-state-holder';
import { awaitLocalServices, healthyLocalServices } from './local-service-gate';

const service = (serviceId: string, state: string) =>
  ({ kind: 'LOCAL_SERVICE_INSTANCE', info: { serviceId, state } }) as unknown as StateRecord;

/** A leader whose answers and an engine whose HEALTHY counts the test changes as it goes. */
function cluster(answers: (Record<string, number> | Error)[]) {
  const state = { healthy: {} as Record<string, number>, asked: 0, waits: [] as string[] };
  const gate = (signal: AbortSignal) =>
    awaitLocalServices(
      {
        reserved: () => {
          const answer = answers[Math.min(state.asked++, answers.length - 1)];
          return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
        },
        healthy: () => state.healthy,
        intervalMs: 5,
        onWaiting: (reason) => state.waits.push(reason),
      },
      signal,
    );
  return { state, gate };
}

const until = async (predicate: () => boolean) => {
  for (let i = 0; i < 200 && !predicate(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(predicate()).toBe(true);
};

describe('the UNREADY wait for reserved local services', () => {
  it('counts HEALTHY local-service instances by service', () => {
    const records = [
      service('a', 'HEALTHY'),
      service('a', 'HEALTHY'),
      service('a', 'STARTING'),
      service('b', 'HEALTHY'),
    ];
    const app = { kind: 'INSTANCE', info: { appId: 'x', state: 'HEALTHY' } } as unknown as StateRecord;
    expect(healthyLocalServices([...records, app])).toEqual({ a: 2, b: 1 });
  });

  it('resolves at once when nothing is reserved', async () => {
    const { state, gate } = cluster([{}]);
    await gate(new AbortController().signal);
    expect(state.waits).toEqual([]);
  });

  it('asks again after a failure and waits until every reserved service runs its instances here', async () => {
    const { state, gate } = cluster([new Error('no leader'), { svc: 2 }]);
    let done = false;
    const waiting = gate(new AbortController().signal).then(() => (done = true));
    await until(() => state.waits.includes('waiting for local services: svc 0/2'));
    state.healthy = { svc: 1 };
    await until(() => state.waits.includes('waiting for local services: svc 1/2'));
    expect(done).toBe(false);
    state.healthy = { svc: 2 };
    await waiting;
    expect(state.waits[0]).toBe('reserved local services unknown: no leader');
  });

  it('stops waiting for a service the leader no longer reserves, and gives up when the executor stops', async () => {
    const dropped = cluster([{ svc: 1 }, { svc: 1 }, {}]);
    await dropped.gate(new AbortController().signal);
    expect(dropped.state.asked).toBe(3);
    const stopping = new AbortController();
    const forever = cluster([{ svc: 1 }]).gate(stopping.signal);
    stopping.abort();
    await expect(forever).rejects.toThrow('aborted');
  });

  it('makes the executor ACTIVE only after the wait, and not when blacklisted meanwhile', async () => {
    let open: () => void = () => undefined;
    const holder = new ExecutorStateHolder(() => new Promise<void>((resolve) => (open = resolve)));
    const ready = holder.ready();
    expect(holder.state).toBe('UNREADY');
    open();
    await ready;
    expect(holder.state).toBe('ACTIVE');
    holder.blacklisted();
    holder.unblacklisted();
    expect(holder.state).toBe('UNREADY');
    holder.blacklistRequested();
    open();
    await until(() => holder.state === 'BLACKLIST_REQUESTED');
    await new Promise((r) => setTimeout(r, 10));
    expect(holder.state).toBe('BLACKLIST_REQUESTED');
  });
});
