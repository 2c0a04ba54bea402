import { Scheduler } from '../scheduler';
import { toDroveResourceAllocations } from './drove-allocation';
import { needs } from '../testing/test-cluster';
import { DroveExecutorNodeData, snapshotFromDroveNodeData } from './drove-node-data.adapter';

// The example of Drove's reference (§5.3), trimmed to what the scheduler reads.
const NODE_DATA: DroveExecutorNodeData = {
  hostname: 'h1',
  state: {
    executorId: 'a45442a1',
    cpus: { freeCores: { '0': [3, 4, 5] }, usedCores: { '0': [2] } },
    memory: { freeMemory: { '0': 18898 }, usedMemory: { '0': 128 } },
    layout: { cores: { '0': [2, 3, 4, 5] }, memory: { '0': 19026 } },
  },
  tags: ['h1'],
  metadata: { rack: 'r1' },
  executorState: 'ACTIVE',
};

describe('snapshotFromDroveNodeData', () => {
  it("reads Drove's snapshot, each CPU its own group when siblings are not sent", () => {
    expect(snapshotFromDroveNodeData(NODE_DATA)).toEqual({
      executorId: 'a45442a1',
      hostname: 'h1',
      state: 'ACTIVE',
      tags: ['h1'],
      metadata: { rack: 'r1' },
      nodes: [
        {
          id: 0,
          coreGroups: [[2], [3], [4], [5]],
          memoryMB: 19026,
          freeCpus: [3, 4, 5],
          freeMemoryMB: 18898,
        },
      ],
    });
  });

  it('keeps sibling groups an executor sends, so placement keeps siblings together', () => {
    const withGroups: DroveExecutorNodeData = {
      ...NODE_DATA,
      state: {
        ...NODE_DATA.state,
        layout: {
          ...NODE_DATA.state.layout,
          coreGroups: {
            '0': [
              [2, 3],
              [4, 5],
            ],
          },
        },
      },
    };
    const scheduler = new Scheduler({ seed: 1 });
    scheduler.cluster.update(snapshotFromDroveNodeData(withGroups));
    const session = scheduler.openSession({ deployableId: 'app', kind: 'APPLICATION' });
    const result = session.place({ instanceId: 'AI-1', resources: needs(2, 1024) });
    expect(result.ok && result.allocation.cpus).toEqual([4, 5]);
  });
});

describe('toDroveResourceAllocations', () => {
  it("writes an allocation in Drove's instance spec shape", () => {
    const allocation = { instanceId: 'AI-1', executorId: 'e', nodeId: 1, cpus: [8, 9], memoryMB: 512 };
    expect(toDroveResourceAllocations(allocation)).toEqual([
      { type: 'CPU', cores: { '1': [8, 9] } },
      { type: 'MEMORY', memoryInMB: { '1': 512 } },
    ]);
  });
});
