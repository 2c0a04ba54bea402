import { applicationSpecJson, opSpecJson, taskSpecJson } from '../testing/spec-fixtures';
import { checkBudgetMs, effectivePlacementPolicy, startTimeoutMs, stopTimeoutMs } from './effective-values';
import { PlacementPolicy } from './placement-policy';

describe('effective placement policy (Drove section 6.3)', () => {
  const noTag = (p: PlacementPolicy): PlacementPolicy => ({
    type: 'COMPOSITE',
    policies: [p, { type: 'NO_TAG' }],
    combiner: 'AND',
  });

  it.each([
    [undefined, noTag({ type: 'ANY' })],
    [{ type: 'ONE_PER_HOST' }, noTag({ type: 'ONE_PER_HOST' })],
    [
      { type: 'MATCH_TAG', tag: 'x' },
      { type: 'MATCH_TAG', tag: 'x' },
    ],
    [
      { type: 'RULE_BASED', rule: 'r', ruleType: 'MVEL' },
      { type: 'RULE_BASED', rule: 'r', ruleType: 'MVEL' },
    ],
    [
      { type: 'COMPOSITE', policies: [{ type: 'ANY' }, { type: 'MATCH_TAG', tag: 'x' }], combiner: 'OR' },
      { type: 'COMPOSITE', policies: [{ type: 'ANY' }, { type: 'MATCH_TAG', tag: 'x' }], combiner: 'OR' },
    ],
  ] as [PlacementPolicy | undefined, PlacementPolicy][])('%j -> %j', (given, expected) => {
    expect(effectivePlacementPolicy(given)).toEqual(expected);
  });

  it('local services keep their policy', () => {
    expect(effectivePlacementPolicy({ type: 'LOCAL', hostLevel: false }, true)).toEqual({
      type: 'LOCAL',
      hostLevel: false,
    });
  });
});

describe('start and stop timeouts (Drove section 2.5)', () => {
  const spec = applicationSpecJson();

  it('a check budget is initialDelay + attempts x (timeout + interval)', () => {
    expect(
      checkBudgetMs({ timeout: '1 second', interval: '3 seconds', attempts: 3, initialDelay: '2 seconds' }),
    ).toBe(14_000);
  });

  it('a start takes at least pull + both checks', () => {
    expect(startTimeoutMs({ ...opSpecJson(), timeout: '10 seconds' }, spec)).toBe(100_000 + 12_000 + 12_000);
  });

  it('a longer operation timeout wins', () => {
    expect(startTimeoutMs(opSpecJson(), spec)).toBe(300_000);
  });

  it('a task only counts its pull timeout', () => {
    expect(startTimeoutMs({ ...opSpecJson(), timeout: '1 second' }, taskSpecJson())).toBe(100_000);
  });

  it('a stop takes the operation timeout', () => {
    expect(stopTimeoutMs(opSpecJson())).toBe(300_000);
  });
});
