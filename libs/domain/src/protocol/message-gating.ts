import { ExecutorState } from '../executor/executor-aggregate';
import { ExecutorMessageType } from './executor-messages';

// Which executor states accept a START message (section 3.4): apps and tasks only on an ACTIVE executor,
// local-service instances also while it is UNREADY (it becomes ACTIVE once they are healthy). Other messages
// are gated by the instance's own state (`canStopInstance`, `canStopTask`), not the executor's.
const START_STATES: Partial<Record<ExecutorMessageType, readonly ExecutorState[]>> = {
  START_INSTANCE: ['ACTIVE'],
  START_TASK: ['ACTIVE'],
  START_LOCAL_SERVICE_INSTANCE: ['ACTIVE', 'UNREADY'],
};

export const executorAccepts = (type: ExecutorMessageType, state: ExecutorState): boolean =>
  START_STATES[type]?.includes(state) ?? true;
