import { created } from '../testing/application-builders';
import { instanceInfo } from '../testing/instance-builders';
import { taskInfo } from '../testing/task-builders';
import { clusterEvent } from './cluster/events';
import { executorEvent } from './executor/events';
import { instanceEvent } from './instance/events';
import { localServiceEvent } from './local-service/events';
import { DOMAIN_EVENT_TYPES, streamOf } from './streams';
import { taskEvent } from './task/events';
import { taskStream } from './task/task-aggregate';

describe('event streams', () => {
  it.each([
    [created(0), 'app-mini-1'],
    [
      instanceEvent('InstanceStateChanged', { info: instanceInfo('HEALTHY', 1), at: 1 }),
      `instance-${instanceInfo('HEALTHY', 1).instanceId}`,
    ],
    [taskEvent('TaskStateChanged', { info: taskInfo('RUNNING', 1), at: 1 }), 'task-test-app-T0001'],
    [taskEvent('TaskDeleted', { taskRunId: 'test-app-T0001', at: 1 }), 'task-test-app-T0001'],
    [executorEvent('ExecutorRemoved', { executorId: 'e1', at: 1 }), 'executor-e1'],
    [localServiceEvent('LocalServiceDestroyed', { serviceId: 's-1', at: 1 }), 'localservice-s-1'],
    [clusterEvent('MaintenanceModeSet', { hostname: 'c', at: 1 }), 'cluster'],
  ])('%j goes to %s', (e, stream) => {
    expect(streamOf(e)).toBe(stream);
  });

  it('a task run id stream is the same as the source/task id one', () => {
    expect(streamOf(taskEvent('TaskDeleted', { taskRunId: 'a-b', at: 1 }))).toBe(taskStream('a', 'b'));
  });

  it('lists every event type once', () => {
    expect(new Set(DOMAIN_EVENT_TYPES).size).toBe(DOMAIN_EVENT_TYPES.length);
    expect(DOMAIN_EVENT_TYPES).toHaveLength(31);
  });
});
