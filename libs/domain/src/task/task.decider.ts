import { Decider } from '../common/decider';
import { taskRunIdOf } from '../common/ids';
import { Result, fail, ok } from '../common/result';
import { ClusterOpSpecJson, TaskSpecJson } from '../common/wire-types';
import { toWire } from '../specs/wire';
import { TaskCommand } from './commands';
import { TaskEvent, taskEvent } from './events';
import { TaskAggregate, initialTaskState, taskExists } from './task-aggregate';
import { TERMINAL_TASK_STATES } from './task-state';

/** Drove's error on a task its controller no longer hears of. */
export const TASK_LOST_MESSAGE = 'Instance lost';

const finished = (s: TaskAggregate): boolean => !!s.state && TERMINAL_TASK_STATES.includes(s.state);

const decide = (s: TaskAggregate, c: TaskCommand): Result<TaskEvent[]> => {
  switch (c.type) {
    case 'CreateTask': {
      const { sourceAppName, taskId } = c.spec;
      const taskRunId = taskRunIdOf(sourceAppName, taskId);
      if (taskExists(s)) {
        return fail(
          'CONFLICT',
          `Task already exists for ${sourceAppName}/${taskId} with taskID: ${taskRunId}`,
        );
      }
      const spec = toWire(c.spec) as TaskSpecJson;
      const opSpec = toWire(c.opSpec) as ClusterOpSpecJson;
      return ok([taskEvent('TaskCreated', { taskRunId, instanceId: c.instanceId, spec, opSpec, at: c.at })]);
    }
    case 'RecordTaskState': {
      const { info, at } = c;
      if (s.info && info.updated <= s.info.updated) return ok([]);
      if (s.state === 'STOPPED')
        return fail('NOT_ALLOWED', `Task ${info.sourceAppName}/${info.taskId} has already stopped`);
      if (s.state === info.state) return ok([]);
      // An executor rebuilds the executable from its container labels, the pull timeout in milliseconds; Drove's
      // TaskInfo carries the spec's own executable, the duration's unit as given ("100 seconds").
      const recorded = s.spec ? { ...info, executable: s.spec.executable } : info;
      return ok([
        taskEvent('TaskStateChanged', {
          info: recorded,
          ...(s.state ? { previousState: s.state } : {}),
          at,
        }),
      ]);
    }
    case 'KillTask': {
      if (!taskExists(s) || finished(s) || !s.taskRunId || !s.instanceId) {
        return fail(
          'NOT_FOUND',
          `Either task does not exist or has already finished for ${c.sourceAppName}/${c.taskId}`,
        );
      }
      if (s.killRequested) return ok([]);
      const executorId = s.info?.executorId;
      return ok([
        taskEvent('TaskKillRequested', {
          taskRunId: s.taskRunId,
          instanceId: s.instanceId,
          ...(executorId ? { executorId } : {}),
          at: c.at,
        }),
      ]);
    }
    case 'MarkStaleTaskLost': {
      if (!s.info || finished(s)) return ok([]);
      const heard = Math.max(c.lastHeardAt, s.updated ?? 0);
      if (c.at - heard <= c.stalenessMs) return ok([]);
      const info = {
        ...s.info,
        state: 'LOST' as const,
        taskResult: { status: 'LOST' as const, exitCode: -1 },
        errorMessage: TASK_LOST_MESSAGE,
        updated: c.at,
      };
      return ok([taskEvent('TaskStateChanged', { info, previousState: s.info.state, at: c.at })]);
    }
    case 'DeleteTask': {
      // Unlike Drove, a task that may still be running keeps its record (its runner needs it).
      if (!taskExists(s) || !s.taskRunId || (s.state !== undefined && !finished(s))) {
        return fail('NOT_ALLOWED', `Could not delete ${c.sourceAppName}/${c.taskId}`);
      }
      return ok([taskEvent('TaskDeleted', { taskRunId: s.taskRunId, at: c.at })]);
    }
  }
};

const evolve = (s: TaskAggregate, e: TaskEvent): TaskAggregate => {
  switch (e.type) {
    case 'TaskCreated': {
      const { taskRunId, instanceId, spec, opSpec, at } = e.data;
      const { sourceAppName, taskId } = spec;
      return {
        ...initialTaskState,
        taskRunId,
        sourceAppName,
        taskId,
        instanceId,
        spec,
        opSpec,
        created: at,
        updated: at,
      };
    }
    case 'TaskStateChanged': {
      const { info, at } = e.data;
      const taskRunId = s.taskRunId ?? taskRunIdOf(info.sourceAppName, info.taskId);
      return {
        ...s,
        taskRunId,
        sourceAppName: info.sourceAppName,
        taskId: info.taskId,
        instanceId: info.instanceId,
        state: info.state,
        info,
        created: s.created ?? info.created,
        updated: at,
      };
    }
    case 'TaskKillRequested':
      return { ...s, killRequested: true, updated: e.data.at };
    case 'TaskDeleted':
      return { ...s, deleted: true, updated: e.data.at };
  }
};

export const taskDecider: Decider<TaskAggregate, TaskCommand, TaskEvent> = {
  initialState: initialTaskState,
  decide,
  evolve,
};
