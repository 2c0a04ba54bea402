import { HISTORY_FOR } from '../../testing/application-builders';
import { fold } from '../common/decider';
import { applicationDecider } from './application.decider';
import { shouldRecover, staleInstanceIds } from './recovery';

const stateOf = (name: keyof typeof HISTORY_FOR) => fold(applicationDecider, HISTORY_FOR[name]());

describe('recovery decisions', () => {
  it.each([
    ['RUNNING', 2, false],
    ['RUNNING', 1, true],
    ['MONITORING', 0, false],
    ['MONITORING', 1, true],
    ['SCALING_REQUESTED', 0, false],
    ['DESTROY_REQUESTED', 1, false],
  ] as const)('%s with %d healthy: recover = %s', (state, healthy, expected) => {
    expect(shouldRecover(stateOf(state), healthy)).toBe(expected);
  });

  it('finds active instances not refreshed for over 60 s', () => {
    const now = 100_000;
    expect(
      staleInstanceIds(
        [
          { instanceId: 'fresh', state: 'HEALTHY', updated: now - 60_000 },
          { instanceId: 'stale', state: 'HEALTHY', updated: now - 60_001 },
          { instanceId: 'done', state: 'STOPPED', updated: 0 },
          { instanceId: 'starting', state: 'PENDING', updated: 0 },
        ],
        now,
      ),
    ).toEqual(['stale', 'starting']);
  });
});
