import { CLUSTER_STREAM } from '@drove/domain';
import { NO_STREAM } from '@drove/events';
import { startTestController, TestController } from '../testing/test-controller';

const NOW = 1_700_000_000_000;
const DRY_RUN = '/apis/v1/applications/placementpolicy/rule/dryrun';

const schedulingInfo = {
  executorNodeId: 'e1',
  allocatedExecutorNodeMetadata: { rack: 'r1' },
  allExecutorMetadata: { e2: { rack: 'r2' } },
  applicationEnvironment: { ENV: 'prod' },
};
const dryRun = (rule: string, ruleType: string, info: unknown = schedulingInfo) => ({
  ruleBasedPlacementPolicy: { type: 'RULE_BASED', rule, ruleType },
  schedulingInfo: info,
});
const ok = (data: unknown) => ({ code: 200, body: { status: 'SUCCESS', data, message: 'success' } });
const evaluated = (result: boolean) =>
  ok({ status: true, checkResult: { status: 'SUCCESS' }, evalResult: { status: 'SUCCESS', result } });
const notCompiled = (checkResult: string | RegExp) =>
  ok({
    status: false,
    checkResult: typeof checkResult === 'string' ? checkResult : expect.stringMatching(checkResult),
    evalResult: { status: 'FAILURE', error: 'Not evaluated' },
  });
const refused = (validationErrors: string[]) => ({
  code: 400,
  body: { status: 'FAILED', data: { validationErrors }, message: 'Command validation failure' },
});

describe('POST /apis/v1/applications/placementpolicy/rule/dryrun', () => {
  let ctl: TestController;

  beforeEach(async () => {
    ctl = await startTestController(NOW, undefined, undefined, false);
  });
  afterEach(() => ctl.app.close());

  it.each([
    ['a true MVEL rule', dryRun('allocatedExecutorNodeMetadata.rack == "r1"', 'MVEL'), evaluated(true)],
    ['a false MVEL rule', dryRun('applicationEnvironment.ENV == "dev"', 'MVEL'), evaluated(false)],
    [
      'a HOPE rule on another executor',
      dryRun('\'/allExecutorMetadata/e2/rack\' == "r2"', 'HOPE'),
      evaluated(true),
    ],
    [
      'a field Drove has not',
      dryRun('hostname == null', 'MVEL', { ...schedulingInfo, hostname: 'h' }),
      evaluated(true),
    ],
    [
      'a HOPE rule that does not compile',
      dryRun('rack == "r1"', 'HOPE'),
      notCompiled(/^HopeLang Compilation error: /),
    ],
    ['an MVEL rule that does not compile', dryRun('a = 1', 'MVEL'), notCompiled(/^MVEL Compilation error: /)],
    ['an empty rule', dryRun('', 'MVEL'), notCompiled(/^MVEL Compilation error: Empty rule/)],
    ['an unknown dialect', dryRun('a == 1', 'JS'), notCompiled('Unregistered RuleType :JS')],
    [
      'no scheduling info',
      { ruleBasedPlacementPolicy: dryRun('a', 'MVEL').ruleBasedPlacementPolicy },
      refused(['schedulingInfo must not be null']),
    ],
    [
      'an empty body',
      {},
      refused(['ruleBasedPlacementPolicy must not be null', 'schedulingInfo must not be null']),
    ],
  ])('%s', async (_case, body, expected) => {
    const before = await ctl.store.headPosition();
    expect(await ctl.post(DRY_RUN, body)).toEqual(expected);
    expect(await ctl.store.headPosition()).toBe(before);
  });

  it('is refused inside the maintenance window', async () => {
    await ctl.store.append(CLUSTER_STREAM, NO_STREAM, [
      { id: 'm-1', type: 'MaintenanceModeSet', data: { hostname: 'ctl', at: NOW - 1000 } },
    ]);
    expect(await ctl.post(DRY_RUN, dryRun('a == 1', 'MVEL'))).toEqual(
      refused(['Cluster is in maintenance mode']),
    );
  });
});
