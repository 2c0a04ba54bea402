import { Duration, maxDuration } from './duration';
import { sequentialIdGenerator } from './id-generator';
import {
  appIdOf,
  executorIdOf,
  nameUuidFromString,
  newAppInstanceId,
  newLocalServiceInstanceId,
  newTaskInstanceId,
  taskRunIdOf,
} from './ids';

describe('Duration', () => {
  it.each([
    ['5m', 5, 'minutes', '5 minutes', 300_000],
    ['1 second', 1, 'seconds', '1 second', 1000],
    ['100ms', 100, 'milliseconds', '100 milliseconds', 100],
    ['2 h', 2, 'hours', '2 hours', 7_200_000],
    ['1d', 1, 'days', '1 day', 86_400_000],
    ['3 mins', 3, 'minutes', '3 minutes', 180_000],
    ['7 us', 7, 'microseconds', '7 microseconds', 0.007],
    ['9ns', 9, 'nanoseconds', '9 nanoseconds', 0.000009],
    ['  10 seconds ', 10, 'seconds', '10 seconds', 10_000],
  ])('%j is %d %s, written %j', (text, count, unit, written, ms) => {
    const d = Duration.parse(text);
    expect(d).toMatchObject({ count, unit });
    expect(d?.toString()).toBe(written);
    expect(JSON.stringify({ d })).toBe(JSON.stringify({ d: written }));
    expect(d?.toMillis()).toBeCloseTo(ms);
  });

  it.each(['5', '5 Seconds', 'five seconds', '-1 s', '1.5 s', '', 's'])('rejects %j', (text) => {
    expect(Duration.parse(text)).toBeUndefined();
  });

  it('picks the longer of two durations', () => {
    expect(maxDuration(Duration.of(1, 'minutes'), Duration.of(30, 'seconds')).toString()).toBe('1 minute');
  });
});

describe('ids', () => {
  it('app id is name-version, task run id is source-taskId', () => {
    expect(appIdOf('app', '2')).toBe('app-2');
    expect(taskRunIdOf('app', 'T1')).toBe('app-T1');
  });

  it('instance ids carry Drove prefixes and come from the injected generator', () => {
    const ids = sequentialIdGenerator();
    expect(newAppInstanceId(ids)).toBe('AI-00000000-0000-4000-8000-000000000000');
    expect(newTaskInstanceId(ids)).toMatch(/^TI-.*1$/);
    expect(newLocalServiceInstanceId(ids)).toMatch(/^SI-.*2$/);
  });

  it("name uuids match Java's UUID.nameUUIDFromBytes", () => {
    expect(nameUuidFromString('hello')).toBe('5d41402a-bc4b-3a76-b971-9d911017c592');
  });

  it('executor id is the name uuid of hostname:port', () => {
    expect(executorIdOf('h1', 3000)).toBe(nameUuidFromString('h1:3000'));
    expect(executorIdOf('h1', 3000)).not.toBe(executorIdOf('h1', 3001));
  });
});
