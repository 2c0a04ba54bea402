import { givenFor } from '../../testing/decider-harness';
import { RecordExecutorSnapshotCommand } from './commands';
import { executorEvent as ev } from './events';
import { ExecutorState, effectiveExecutorState } from './executor-aggregate';
import { executorDecider } from './executor.decider';

const given = givenFor(executorDecider);
const ID = 'exec-1';
const snapshot = (executorState: ExecutorState, at = 10): RecordExecutorSnapshotCommand => ({
  type: 'RecordExecutorSnapshot',
  executorId: ID,
  hostname: 'h1',
  port: 3000,
  transportType: 'HTTP',
  tags: ['h1'],
  executorState,
  at,
});
const added = (state: ExecutorState = 'UNREADY', at = 10) =>
  ev('ExecutorAdded', {
    executorId: ID,
    hostname: 'h1',
    port: 3000,
    transportType: 'HTTP',
    tags: ['h1'],
    state,
    at,
  });
const blacklistRequested = ev('ExecutorBlacklistRequested', { executorId: ID, at: 20 });
const blacklisted = ev('ExecutorBlacklisted', { executorId: ID, at: 30 });
const removed = ev('ExecutorRemoved', { executorId: ID, at: 40 });
const cmd = <T extends string>(type: T) => ({ type, executorId: ID, at: 50 }) as const;

describe('executor decider', () => {
  it('a first snapshot adds the executor', () => {
    const s = given().when(snapshot('UNREADY')).then(added());
    expect(effectiveExecutorState(s)).toBe('UNREADY');
  });

  it('a changed self-reported state is recorded', () => {
    const s = given(added())
      .when(snapshot('ACTIVE', 11))
      .then(
        ev('ExecutorStateChanged', { executorId: ID, state: 'ACTIVE', previousState: 'UNREADY', at: 11 }),
      );
    expect(effectiveExecutorState(s)).toBe('ACTIVE');
  });

  it('the same state again is a no-op', () => {
    given(added('ACTIVE')).when(snapshot('ACTIVE', 11)).then();
  });

  it('a removed executor that comes back is added again and keeps its blacklisting', () => {
    const s = given(added('ACTIVE'), blacklistRequested, blacklisted, removed)
      .when(snapshot('UNREADY', 50))
      .then(added('UNREADY', 50));
    expect(effectiveExecutorState(s)).toBe('BLACKLISTED');
  });

  it('removal is recorded once', () => {
    const s = given(added())
      .when(cmd('RemoveExecutor'))
      .then(ev('ExecutorRemoved', { executorId: ID, at: 50 }));
    expect(effectiveExecutorState(s)).toBe('REMOVED');
    given(added(), removed).when(cmd('RemoveExecutor')).then();
  });

  it('blacklisting goes requested -> blacklisted -> unblacklisted', () => {
    let s = given(added('ACTIVE'))
      .when(cmd('RequestExecutorBlacklist'))
      .then(ev('ExecutorBlacklistRequested', { executorId: ID, at: 50 }));
    expect(effectiveExecutorState(s)).toBe('BLACKLIST_REQUESTED');
    s = given(added('ACTIVE'), blacklistRequested)
      .when(cmd('ConfirmExecutorBlacklist'))
      .then(ev('ExecutorBlacklisted', { executorId: ID, at: 50 }));
    expect(effectiveExecutorState(s)).toBe('BLACKLISTED');
    s = given(added('ACTIVE'), blacklistRequested, blacklisted)
      .when(cmd('UnblacklistExecutor'))
      .then(ev('ExecutorUnblacklisted', { executorId: ID, at: 50 }));
    expect(effectiveExecutorState(s)).toBe('ACTIVE');
  });

  it.each([
    ['blacklist when already requested', [added(), blacklistRequested], 'RequestExecutorBlacklist'],
    ['blacklist when blacklisted', [added(), blacklistRequested, blacklisted], 'RequestExecutorBlacklist'],
    ['confirm twice', [added(), blacklistRequested, blacklisted], 'ConfirmExecutorBlacklist'],
    ['unblacklist when not blacklisted', [added()], 'UnblacklistExecutor'],
  ] as const)('%s is a no-op', (_name, history, type) => {
    given(...history)
      .when(cmd(type))
      .then();
  });

  it('confirming without a request is refused', () => {
    given(added())
      .when(cmd('ConfirmExecutorBlacklist'))
      .thenFails(`Executor ${ID} is not being blacklisted`, 'NOT_ALLOWED');
  });

  it.each(['RequestExecutorBlacklist', 'ConfirmExecutorBlacklist', 'UnblacklistExecutor'] as const)(
    '%s on an unknown or removed executor fails with Drove message',
    (type) => {
      given().when(cmd(type)).thenFails(`No executor found with id: ${ID}`, 'NOT_FOUND');
      given(added(), removed).when(cmd(type)).thenFails(`No executor found with id: ${ID}`, 'NOT_FOUND');
    },
  );

  it('removing an unknown executor is a no-op', () => {
    given().when(cmd('RemoveExecutor')).then();
  });
});
