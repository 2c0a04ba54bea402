import { runningHollowContainer } from '../testing/hollow.fixture';
import { Checker } from './check-spec';
import { CheckerFactory } from './checker-factory';
import { shutdownInstance } from './instance-shutdown';
import { httpCheckMode } from './check-mode.fixture';

const httpHook = httpCheckMode({ path: '/drain', verb: 'POST' });
const retry = { requestTimeoutMs: 10, intervalMs: 5, attempts: 5 };

describe('shutdownInstance', () => {
  it('runs hooks in order while the container runs, retries HTTP hooks, waits, then stops', async () => {
    const { runtime, id } = await runningHollowContainer();
    const log: string[] = [];
    const httpAnswers = [false, false, true];
    const checkers: CheckerFactory = (mode): Checker => ({
      check: async () => {
        const running = (await runtime.inspect(id))?.running;
        log.push(`${mode.type}${mode.type === 'CMD' ? `:${mode.shellDisabled}` : ''} running=${running}`);
        const healthy = mode.type === 'CMD' ? false : (httpAnswers.shift() ?? false);
        return healthy ? { healthy } : { healthy, message: 'no' };
      },
    });
    const begun = Date.now();
    const outcomes = await shutdownInstance(runtime, { containerId: id, ports: {} }, checkers, {
      preShutdown: {
        hooks: [httpHook, { type: 'CMD', command: 'drain', shellDisabled: true }],
        waitBeforeKillMs: 80,
      },
      stopGraceSeconds: 1,
      retry,
    });
    expect(log).toEqual([
      'HTTP running=true',
      'HTTP running=true',
      'HTTP running=true',
      'CMD:false running=true',
    ]);
    expect(outcomes.map((o) => [o.hook.type, o.result.healthy, o.tries])).toEqual([
      ['HTTP', true, 3],
      ['CMD', false, 1],
    ]);
    expect(Date.now() - begun).toBeGreaterThanOrEqual(80);
    expect((await runtime.inspect(id))?.running).toBe(false);
  });

  it('gives up on an HTTP hook after the retry budget and still stops the container', async () => {
    const { runtime, id } = await runningHollowContainer();
    const failing: CheckerFactory = () => ({ check: async () => ({ healthy: false, message: 'down' }) });
    const outcomes = await shutdownInstance(runtime, { containerId: id, ports: {} }, failing, {
      preShutdown: { hooks: [httpHook], waitBeforeKillMs: 0 },
      stopGraceSeconds: 1,
      retry,
    });
    expect(outcomes[0]).toMatchObject({ tries: 5, result: { healthy: false, message: 'down' } });
    expect((await runtime.inspect(id))?.running).toBe(false);
  });

  it('just stops a container without a pre-shutdown spec', async () => {
    const { runtime, id } = await runningHollowContainer();
    const none: CheckerFactory = () => {
      throw new Error('no checker expected');
    };
    expect(
      await shutdownInstance(runtime, { containerId: id, ports: {} }, none, { stopGraceSeconds: 1 }),
    ).toEqual([]);
    expect((await runtime.inspect(id))?.running).toBe(false);
  });
});
