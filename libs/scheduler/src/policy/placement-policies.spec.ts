import { PlacementPolicy } from '@drove/domain';
import { PlacementValidationError } from '../placement-validation.error';
import { Scheduler } from '../scheduler';
import { needs, testExecutor } from '../testing/test-cluster';
import { DeployableKind } from './deployable-kind';

const EXECUTORS = [
  { id: 'plain', tags: [], metadata: { rack: 'r1' } },
  { id: 'gpu', tags: ['gpu'], metadata: { rack: 'r1' } },
  { id: 'ssd', tags: ['ssd'], metadata: { rack: 'r2' } },
  { id: 'both', tags: ['gpu', 'ssd'], metadata: { rack: 'r2' } },
];

function scheduler(): Scheduler {
  const instance = new Scheduler({ seed: 3, samplingLimit: 'ALL' });
  for (const executor of EXECUTORS) instance.cluster.update(testExecutor(executor));
  return instance;
}

// The executors the effective policy lets through, for an operation with no instances yet.
function eligible(policy: PlacementPolicy | undefined, kind: DeployableKind = 'APPLICATION'): string[] {
  return scheduler()
    .dryRun({ deployableId: 'app', kind, policy, env: { TIER: 'gold', SHARDS: '4' } })
    .filter((verdict) => verdict.rejection === null)
    .map((verdict) => verdict.executorId);
}

const tag = (name: string): PlacementPolicy => ({ type: 'MATCH_TAG', tag: name });
const rule = (text: string, ruleType: 'MVEL' | 'HOPE' = 'MVEL'): PlacementPolicy => ({
  type: 'RULE_BASED',
  rule: text,
  ruleType,
});

describe('placement policies (effective, as Drove computes them)', () => {
  it.each<[string, PlacementPolicy | undefined, string[]]>([
    ['no policy = ANY + NO_TAG', undefined, ['plain']],
    ['ANY only reaches untagged executors', { type: 'ANY' }, ['plain']],
    ['ONE_PER_HOST + NO_TAG', { type: 'ONE_PER_HOST' }, ['plain']],
    ['NO_TAG', { type: 'NO_TAG' }, ['plain']],
    ['MATCH_TAG is not combined with NO_TAG', tag('gpu'), ['both', 'gpu']],
    ['MATCH_TAG on the hostname pins to a host', tag('ssd.local'), ['ssd']],
    [
      'COMPOSITE AND of tags',
      { type: 'COMPOSITE', combiner: 'AND', policies: [tag('gpu'), tag('ssd')] },
      ['both'],
    ],
    [
      'COMPOSITE OR of tags',
      { type: 'COMPOSITE', combiner: 'OR', policies: [tag('gpu'), tag('ssd')] },
      ['both', 'gpu', 'ssd'],
    ],
    [
      'COMPOSITE without tags gets NO_TAG',
      { type: 'COMPOSITE', combiner: 'OR', policies: [{ type: 'ANY' }, { type: 'ONE_PER_HOST' }] },
      ['plain'],
    ],
    [
      'COMPOSITE combiner defaults to AND',
      { type: 'COMPOSITE', policies: [tag('gpu'), tag('ssd')] } as never,
      ['both'],
    ],
    ['RULE_BASED over metadata', rule('allocatedExecutorNodeMetadata.rack == "r2"'), ['both', 'ssd']],
    [
      'RULE_BASED over tags and env',
      rule('tags contains "gpu" && applicationEnvironment.TIER == "gold"'),
      ['both', 'gpu'],
    ],
    ['RULE_BASED in HOPE', rule(`'/allocatedExecutorNodeMetadata/rack' == "r1"`, 'HOPE'), ['gpu', 'plain']],
    ['RULE_BASED that is never true', rule('applicationEnvironment.SHARDS > 10'), []],
  ])('%s', (_, policy, expected) => {
    expect(eligible(policy)).toEqual(expected);
  });

  it('dry-runs a policy with the reason each executor is turned down', () => {
    const instance = scheduler();
    instance.cluster.update(testExecutor({ id: 'zz-off', state: 'BLACKLISTED' }));
    const verdicts = instance.dryRun({ deployableId: 'app', kind: 'APPLICATION', policy: tag('ssd') });
    expect(verdicts.map((verdict) => [verdict.executorId, verdict.rejection])).toEqual([
      ['both', null],
      ['gpu', 'MATCH_TAG: executor lacks tag "ssd"'],
      ['plain', 'MATCH_TAG: executor lacks tag "ssd"'],
      ['ssd', null],
      ['zz-off', 'executor is BLACKLISTED'],
    ]);
  });

  it('uses a local service policy as given: LOCAL passes everywhere', () => {
    const everyone = ['both', 'gpu', 'plain', 'ssd'];
    expect(eligible({ type: 'LOCAL', hostLevel: true }, 'LOCAL_SERVICE')).toEqual(everyone);
    expect(eligible({ type: 'ANY' }, 'LOCAL_SERVICE')).toEqual(everyone);
  });
});

describe('per-host policies count the operation and the instances already running', () => {
  // A rule that always holds keeps Drove from adding NO_TAG, so every executor takes part.
  function placeAll(policy: PlacementPolicy, existing: string[], count: number): (string | undefined)[] {
    const session = scheduler().openSession({
      deployableId: 'app',
      kind: 'APPLICATION',
      policy: { type: 'COMPOSITE', combiner: 'AND', policies: [policy, rule('true')] },
      existingInstances: existing,
    });
    return Array.from({ length: count }, (_, i) => {
      const result = session.place({ instanceId: `AI-${i}`, resources: needs(1) });
      return result.ok ? result.allocation.executorId : result.failure.message;
    });
  }

  it('ONE_PER_HOST: one instance per executor, then a failure that says why', () => {
    const placements = placeAll({ type: 'ONE_PER_HOST' }, ['gpu'], 4);
    expect(new Set(placements.slice(0, 3))).toEqual(new Set(['plain', 'ssd', 'both']));
    expect(placements[3]).toBe(
      'No executor can take 1 CPU and 256 MB on one NUMA node: 4 x ONE_PER_HOST: an instance is already on this executor',
    );
  });

  it('MAX_N_PER_HOST: at most n per executor', () => {
    const placements = placeAll({ type: 'MAX_N_PER_HOST', max: 2 }, ['plain', 'plain'], 7);
    const perExecutor = placements.slice(0, 6).reduce<Record<string, number>>((counts, id) => {
      counts[id!] = (counts[id!] ?? 0) + 1;
      return counts;
    }, {});
    expect(perExecutor).toEqual({ gpu: 2, ssd: 2, both: 2 });
    expect(placements[6]).toMatch('4 x MAX_N_PER_HOST: 2 instances already on this executor');
  });
});

describe('policy validation', () => {
  it.each<[string, PlacementPolicy, DeployableKind, string]>([
    [
      'LOCAL for an app',
      { type: 'LOCAL', hostLevel: false },
      'APPLICATION',
      'Local service placement is not allowed for apps',
    ],
    [
      'LOCAL for a task',
      { type: 'LOCAL', hostLevel: false },
      'TASK',
      'Local service placement is not allowed for tasks',
    ],
    [
      'MAX_N out of range',
      { type: 'MAX_N_PER_HOST', max: 65 },
      'APPLICATION',
      'max must be an integer in 1..64',
    ],
    ['empty tag', { type: 'MATCH_TAG', tag: '' }, 'APPLICATION', 'MATCH_TAG tag must not be empty'],
    [
      'empty composite',
      { type: 'COMPOSITE', combiner: 'AND', policies: [] },
      'APPLICATION',
      'must not be empty',
    ],
    ['a rule that does not parse', rule('a ==='), 'APPLICATION', 'Invalid MVEL placement rule'],
    [
      'a nested bad rule',
      { type: 'COMPOSITE', combiner: 'OR', policies: [rule('x(')] },
      'TASK',
      'not supported',
    ],
    ['an unknown type', { type: 'NEAR_ME' } as never, 'APPLICATION', 'Unknown placement policy type NEAR_ME'],
  ])('%s', (_, policy, kind, message) => {
    const instance = scheduler();
    expect(instance.validate(policy, kind).join()).toMatch(message);
    expect(() => instance.openSession({ deployableId: 'app', kind, policy })).toThrow(
      PlacementValidationError,
    );
  });
});
