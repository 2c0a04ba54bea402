import { givenFor } from '../../testing/decider-harness';
import { APP_ID, COMMAND_FOR, HISTORY_FOR, appSpec, opSpec } from '../../testing/application-builders';
import { applicationDecider } from './application.decider';
import { ALLOWED_APP_OPERATIONS, APPLICATION_STATES } from './application-state';

const given = givenFor(applicationDecider);
const OPS = Object.keys(COMMAND_FOR) as (keyof typeof COMMAND_FOR)[];
const REACHABLE = APPLICATION_STATES.filter((s) => s !== 'FAILED' && s !== 'DESTROYED');

const expectedMessage = (state: (typeof APPLICATION_STATES)[number]): string => {
  const allowed = ALLOWED_APP_OPERATIONS[state];
  return allowed.length === 0
    ? `No operations allowed for ${APP_ID} as it is in ${state} state`
    : `Only [${[...allowed].sort().join(', ')}] allowed for app ${APP_ID} as it is in ${state} state`;
};

describe('application state x operation matrix (Drove section 3.1)', () => {
  const cells = REACHABLE.flatMap((state) => OPS.map((op) => [state, op] as const));

  it.each(cells)('in %s, %s', (state, op) => {
    const when = given(...HISTORY_FOR[state]()).when(COMMAND_FOR[op]());
    if (ALLOWED_APP_OPERATIONS[state].includes(op)) {
      expect(when.result.ok).toBe(true);
    } else {
      when.thenFails(expectedMessage(state), 'NOT_ALLOWED');
    }
  });

  it('the table matches Drove: MONITORING allows only start, scale, destroy and recover', () => {
    expect(expectedMessage('MONITORING')).toBe(
      `Only [DESTROY, RECOVER, SCALE_INSTANCES, START_INSTANCES] allowed for app ${APP_ID} as it is in MONITORING state`,
    );
  });

  it.each(OPS)('%s on an unknown app fails with No state found', (op) => {
    given().when(COMMAND_FOR[op]()).thenFails(`No state found for app: ${APP_ID}`, 'NOT_FOUND');
  });

  it.each(OPS)('%s on a destroyed app fails with No state found', (op) => {
    given(...HISTORY_FOR.DESTROYED())
      .when(COMMAND_FOR[op]())
      .thenFails(`No state found for app: ${APP_ID}`);
  });

  it.each(REACHABLE)('CREATE in %s fails with App already exists', (state) => {
    given(...HISTORY_FOR[state]())
      .when({ type: 'CreateApplication', spec: appSpec(), instances: 1, opSpec: opSpec(), at: 1 })
      .thenFails(`App ${APP_ID} already exists`, 'CONFLICT');
  });
});
