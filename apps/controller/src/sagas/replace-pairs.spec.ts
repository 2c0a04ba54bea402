import { InstanceAggregate, InstanceState, TERMINAL_INSTANCE_STATES } from '@drove/domain';
import { JOB_DONE } from './operation-failures';
import { ensureReplacement, pairsToRun } from './replace-pairs';

const instance = (
  instanceId: string,
  state: InstanceState,
  extra: Partial<InstanceAggregate> = {},
): InstanceAggregate => ({ instanceId, state, stopRequested: false, ...extra });
const running = (i: InstanceAggregate) => !TERMINAL_INSTANCE_STATES.includes(i.state as InstanceState);

describe('pairsToRun: the pairs of a REPLACE left to do, as the log shows them', () => {
  const stoppedByUs = instance('old', 'STOPPED', { stopRequested: true });
  it.each([
    ['a running old one, either order', instance('old', 'HEALTHY'), [], [false, true], true],
    ['a gone old one, started first (pair done)', stoppedByUs, [], [false], false],
    ['stopFirst, old one stopped, no replacement yet', stoppedByUs, [], [true], true],
    ['stopFirst, old one stopped, replacement starting', stoppedByUs, ['STARTING'], [true], true],
    ['stopFirst, old one stopped, replacement HEALTHY', stoppedByUs, ['HEALTHY'], [true], false],
    ['stopFirst, old one died by itself', instance('old', 'STOPPED'), [], [true], false],
  ] as const)('%s', (_what, old, replacementStates, modes, expected) => {
    const all = [old, ...replacementStates.map((s, n) => instance(`new-${n}`, s, { replaces: 'old' }))];
    for (const stopFirst of modes)
      expect(pairsToRun([old, undefined], all, stopFirst, running)).toEqual(expected ? [old] : []);
  });
});

describe('ensureReplacement: the new half of a pair, once across leaders', () => {
  const old = instance('old', 'HEALTHY');
  const run = async (states: InstanceState[], becomesHealthy: boolean) => {
    const awaited: string[] = [];
    let started = 0;
    const all = states.map((s, n) => instance(`new-${n}`, s, { replaces: 'old' }));
    const result = await ensureReplacement(
      old,
      () => [old, instance('other', 'STARTING'), ...all],
      (i) => {
        awaited.push(i.instanceId as string);
        return Promise.resolve(becomesHealthy);
      },
      () => {
        started += 1;
        return Promise.resolve(JOB_DONE);
      },
    );
    return { result, awaited, started };
  };

  it.each([
    ['none yet: starts one', [], false, [], 1],
    ['one HEALTHY: nothing to do', ['LOST', 'HEALTHY'], false, [], 0],
    ['one on its way that becomes HEALTHY: waited for, none started', ['STARTING'], true, ['new-0'], 0],
    ['one on its way that never does: waited for, then one started', ['PENDING'], false, ['new-0'], 1],
    ['only failed ones: starts one', ['START_FAILED', 'LOST'], false, [], 1],
  ] as const)('%s', async (_what, states, becomesHealthy, awaited, started) => {
    const outcome = await run([...states], becomesHealthy);
    expect(outcome).toEqual({ result: JOB_DONE, awaited, started });
  });
});
