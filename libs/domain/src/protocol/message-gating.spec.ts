import { EXECUTOR_STATES } from '../executor/executor-aggregate';
import { EXECUTOR_MESSAGE_TYPES } from './executor-messages';
import { executorAccepts } from './message-gating';

describe('executor message gating (Drove section 3.4)', () => {
  const cells = EXECUTOR_MESSAGE_TYPES.flatMap((type) =>
    EXECUTOR_STATES.map((state) => [type, state] as const),
  );

  it.each(cells)('%s in %s', (type, state) => {
    const expected =
      type === 'START_INSTANCE' || type === 'START_TASK'
        ? state === 'ACTIVE'
        : type === 'START_LOCAL_SERVICE_INSTANCE'
          ? state === 'ACTIVE' || state === 'UNREADY'
          : true;
    expect(executorAccepts(type, state)).toBe(expected);
  });
});
