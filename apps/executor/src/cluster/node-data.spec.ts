import { nodeData } from './node-data';
import { ResourceLocks } from '../engine/resource-locks';
import { TEST_CAPACITY } from '../testing/engine.fixture';
import { StateRecord } from '../engine/state-record';

describe('nodeData', () => {
  it("sorts records into Drove's three lists and always tags the host name", () => {
    const records = [
      { kind: 'INSTANCE', info: { instanceId: 'AI-1' } },
      { kind: 'TASK', info: { instanceId: 'TI-1' } },
      { kind: 'LOCAL_SERVICE_INSTANCE', info: { instanceId: 'SI-1' } },
    ] as StateRecord[];
    const resources = new ResourceLocks(TEST_CAPACITY).snapshot('ex');
    expect(
      nodeData({
        hostname: 'h',
        port: 3000,
        resources,
        records,
        tags: ['gpu', 'h'],
        executorState: 'ACTIVE',
        now: 5,
      }),
    ).toEqual({
      type: 'EXECUTOR',
      hostname: 'h',
      port: 3000,
      transportType: 'HTTP',
      updated: 5,
      state: resources,
      instances: [records[0]?.info],
      tasks: [records[1]?.info],
      serviceInstances: [records[2]?.info],
      tags: ['gpu', 'h'],
      metadata: {},
      executorState: 'ACTIVE',
    });
  });
});
