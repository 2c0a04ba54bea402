import {
  ExecutorNodeDataJson,
  ExecutorResourceSnapshotJson,
  ExecutorState,
  InstanceInfoJson,
  LocalServiceInstanceInfoJson,
  TaskInfoJson,
} from '@drove/domain';
import { StateRecord } from '../engine/state-record';

export interface NodeDataInput {
  hostname: string;
  port: number;
  resources: ExecutorResourceSnapshotJson;
  records: StateRecord[];
  tags: string[];
  executorState: ExecutorState;
  now: number;
}

// Drove's ExecutorNodeData: the full snapshot written to ZooKeeper. Tags always include the host name.
export function nodeData(input: NodeDataInput): ExecutorNodeDataJson {
  const instances: InstanceInfoJson[] = [];
  const tasks: TaskInfoJson[] = [];
  const serviceInstances: LocalServiceInstanceInfoJson[] = [];
  for (const record of input.records) {
    if (record.kind === 'INSTANCE') instances.push(record.info);
    else if (record.kind === 'TASK') tasks.push(record.info);
    else serviceInstances.push(record.info);
  }
  return {
    type: 'EXECUTOR',
    hostname: input.hostname,
    port: input.port,
    transportType: 'HTTP',
    updated: input.now,
    state: input.resources,
    instances,
    tasks,
    serviceInstances,
    tags: [...new Set([...input.tags, input.hostname])],
    metadata: {},
    executorState: input.executorState,
  };
}
