import { Decider } from '../common/decider';
import { Result, fail, ok } from '../common/result';
import { ExecutorCommand } from './commands';
import { ExecutorEvent, executorEvent } from './events';
import { ExecutorAggregate, executorKnown, initialExecutorState } from './executor-aggregate';

const notFound = (executorId: string) =>
  fail<ExecutorEvent[]>('NOT_FOUND', `No executor found with id: ${executorId}`);

const decide = (s: ExecutorAggregate, c: ExecutorCommand): Result<ExecutorEvent[]> => {
  const { executorId, at } = c;
  switch (c.type) {
    case 'RecordExecutorSnapshot': {
      if (!executorKnown(s)) {
        const { hostname, port, transportType, tags, executorState: state } = c;
        return ok([
          executorEvent('ExecutorAdded', { executorId, hostname, port, transportType, tags, state, at }),
        ]);
      }
      if (s.reportedState === c.executorState) return ok([]);
      return ok([
        executorEvent('ExecutorStateChanged', {
          executorId,
          state: c.executorState,
          ...(s.reportedState ? { previousState: s.reportedState } : {}),
          at,
        }),
      ]);
    }
    case 'RemoveExecutor':
      return executorKnown(s) ? ok([executorEvent('ExecutorRemoved', { executorId, at })]) : ok([]);
    case 'RequestExecutorBlacklist':
      if (!executorKnown(s)) return notFound(executorId);
      return s.blacklist === 'NONE'
        ? ok([executorEvent('ExecutorBlacklistRequested', { executorId, at })])
        : ok([]);
    case 'ConfirmExecutorBlacklist':
      if (!executorKnown(s)) return notFound(executorId);
      if (s.blacklist === 'BLACKLISTED') return ok([]);
      if (s.blacklist === 'NONE')
        return fail('NOT_ALLOWED', `Executor ${executorId} is not being blacklisted`);
      return ok([executorEvent('ExecutorBlacklisted', { executorId, at })]);
    case 'UnblacklistExecutor':
      if (!executorKnown(s)) return notFound(executorId);
      return s.blacklist === 'NONE'
        ? ok([])
        : ok([executorEvent('ExecutorUnblacklisted', { executorId, at })]);
  }
};

const evolve = (s: ExecutorAggregate, e: ExecutorEvent): ExecutorAggregate => {
  const updated = e.data.at;
  switch (e.type) {
    case 'ExecutorAdded': {
      const { executorId, hostname, port, transportType, tags, state } = e.data;
      // a returning executor keeps the controller's blacklisting decision
      return {
        ...s,
        executorId,
        hostname,
        port,
        transportType,
        tags,
        reportedState: state,
        removed: false,
        updated,
      };
    }
    case 'ExecutorStateChanged':
      return { ...s, reportedState: e.data.state, updated };
    case 'ExecutorRemoved':
      return { ...s, removed: true, updated };
    case 'ExecutorBlacklistRequested':
      return { ...s, blacklist: 'REQUESTED', updated };
    case 'ExecutorBlacklisted':
      return { ...s, blacklist: 'BLACKLISTED', updated };
    case 'ExecutorUnblacklisted':
      return { ...s, blacklist: 'NONE', updated };
  }
};

export const executorDecider: Decider<ExecutorAggregate, ExecutorCommand, ExecutorEvent> = {
  initialState: initialExecutorState,
  decide,
  evolve,
};
