import {
  ApplicationSpecJson,
  AnyDomainEvent,
  Decider,
  INSTANCE_STATES,
  TASK_STATES,
  TaskSpecJson,
  applicationDecider,
  applicationStream,
  clusterDecider,
  fold,
  instanceDecider,
  instanceStream,
  streamOf,
  taskDecider,
  taskStream,
  CLUSTER_STREAM,
} from '@drove/domain';
import { minimalApplicationSpecJson, opSpecJson, taskSpecJson } from '@drove/domain/testing/spec-fixtures';
import { EventStore, NewEvent } from '@drove/events';

/** One random step: `kind` picks the command, `a` and `b` its ids and numbers (any non-negative integers). */
export interface Step {
  kind: number;
  a: number;
  b: number;
}

export interface SyntheticSizes {
  apps: number;
  instances: number;
  tasks: number;
}

type AnyDecider = Decider<unknown, unknown, AnyDomainEvent>;

const resources = [
  { type: 'CPU' as const, cores: { '0': [1] } },
  { type: 'MEMORY' as const, memoryInMB: { '0': 64 } },
];

/**
 * A cluster's log made of random steps run through the real deciders, as command handlers would (a refused
 * command writes nothing): apps created, scaled, completed and destroyed; instances started and moved through
 * every state; tasks created, reported, deleted; maintenance set and unset. Small id pools make steps collide
 * on the same aggregates. Deterministic for the same steps and start time.
 */
export class SyntheticCluster {
  private readonly states = new Map<string, unknown>();
  private at: number;
  private ids = 0;
  private readonly idPrefix: string;

  constructor(
    private readonly store: EventStore,
    start: number,
    readonly sizes: SyntheticSizes = { apps: 4, instances: 12, tasks: 5 },
    private readonly stepMs = 1000,
  ) {
    this.at = start;
    // Two generators on one store (started at different times) must not reuse ids: the store takes that as a retry.
    this.idPrefix = `synthetic-${start}`;
  }

  /** Runs one step; returns the number of events appended. */
  async step({ kind, a, b }: Step): Promise<number> {
    this.at += this.stepMs;
    const [decider, stream, command] = this.commandFor(kind, a, b);
    const state = this.states.get(stream) ?? decider.initialState;
    const decided = decider.decide(state, command);
    if (!decided.ok || decided.value.length === 0) return 0;
    const events = decided.value;
    const stored: NewEvent[] = events.map((e) => ({
      id: `${this.idPrefix}-${(this.ids += 1)}`,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      time: this.at,
    }));
    await this.store.append(streamOf(events[0]), 'any', stored);
    this.states.set(stream, fold(decider, events, state));
    return events.length;
  }

  private commandFor(kind: number, a: number, b: number): [AnyDecider, string, unknown] {
    const at = this.at;
    const appId = `mini-v${a % this.sizes.apps}`;
    const opSpec = opSpecJson();
    const app = (command: object): [AnyDecider, string, unknown] => [
      applicationDecider as AnyDecider,
      applicationStream(appId),
      { appId, opSpec, at, ...command },
    ];
    const instanceId = `AI-${a % this.sizes.instances}`;
    const taskId = `T${a % this.sizes.tasks}`;
    const task = (command: object): [AnyDecider, string, unknown] => [
      taskDecider as AnyDecider,
      taskStream('test-app', taskId),
      { sourceAppName: 'test-app', taskId, at, ...command },
    ];
    switch (kind % 11) {
      case 0: {
        const spec = { ...minimalApplicationSpecJson(), version: appId.slice('mini-'.length) };
        return app({ type: 'CreateApplication', spec: spec as ApplicationSpecJson, instances: b % 3 });
      }
      case 1:
        return app({ type: 'ScaleApplication', requiredInstances: b % 4 });
      case 2:
        return app({ type: 'CompleteApplicationOperation', outcome: 'SUCCEEDED', healthyInstances: b % 3 });
      case 3:
        return app({ type: b % 4 === 0 ? 'DestroyApplication' : 'SuspendApplication' });
      case 4: {
        const ownerId = `mini-v${b % this.sizes.apps}`;
        const command = { type: 'RequestInstanceStart', instanceId, kind: 'APPLICATION', ownerId };
        return [
          instanceDecider as AnyDecider,
          instanceStream(instanceId),
          { ...command, executorId: 'e1', resources, at },
        ];
      }
      case 5:
      case 6: {
        const owner = (this.states.get(instanceStream(instanceId)) as { ownerId?: string } | undefined)
          ?.ownerId;
        const info = {
          appId: owner ?? appId,
          appName: 'mini',
          instanceId,
          executorId: 'e1',
          resources,
          state: INSTANCE_STATES[b % INSTANCE_STATES.length],
          metadata: {},
          errorMessage: '',
          created: at - 1000,
          updated: at,
        };
        return [
          instanceDecider as AnyDecider,
          instanceStream(instanceId),
          { type: 'RecordInstanceState', info, at },
        ];
      }
      case 7: {
        const spec = { ...taskSpecJson(), taskId } as TaskSpecJson;
        return task({ type: 'CreateTask', spec, opSpec, instanceId: `TI-${a % this.sizes.tasks}` });
      }
      case 8: {
        const info = {
          sourceAppName: 'test-app',
          taskId,
          instanceId: `TI-${a % this.sizes.tasks}`,
          executorId: 'e1',
          hostname: 'h1',
          executable: { type: 'DOCKER', url: 'drove-test/task:latest', dockerPullTimeout: '100 seconds' },
          resources,
          state: TASK_STATES[b % TASK_STATES.length],
          metadata: {},
          errorMessage: '',
          created: at - 1000,
          updated: at,
        };
        return task({ type: 'RecordTaskState', info });
      }
      case 9:
        return task({ type: 'DeleteTask' });
      default: {
        const type = b % 2 === 0 ? 'SetMaintenanceMode' : 'UnsetMaintenanceMode';
        return [clusterDecider as AnyDecider, CLUSTER_STREAM, { type, hostname: 'ctl-1', at }];
      }
    }
  }
}

const instanceState = (state: string): number => INSTANCE_STATES.indexOf(state as never);
const taskState = (state: string): number => TASK_STATES.indexOf(state as never);

/**
 * A history at rest, for a SyntheticCluster of the same sizes: every app created with no instances and at rest
 * (MONITORING), instances `from..to-1` started and run through PENDING, HEALTHY to STOPPED, tasks `from..to-1`
 * (of the task pool, by the same index) created and run to STOPPED. Nothing in it is left for a saga to do, so a
 * controller started on it writes nothing but its leadership.
 */
export function settledSteps(sizes: SyntheticSizes, from: number, to: number): Step[] {
  const steps: Step[] = [];
  if (from === 0)
    for (let v = 0; v < sizes.apps; v++) steps.push({ kind: 0, a: v, b: 0 }, { kind: 2, a: v, b: 0 });
  for (let i = from; i < to; i++) {
    steps.push({ kind: 4, a: i, b: i % sizes.apps });
    for (const state of ['PENDING', 'HEALTHY', 'STOPPED'])
      steps.push({ kind: 5, a: i, b: instanceState(state) });
    if (i < sizes.tasks) {
      steps.push({ kind: 7, a: i, b: 0 });
      for (const state of ['RUNNING', 'STOPPED']) steps.push({ kind: 8, a: i, b: taskState(state) });
    }
  }
  return steps;
}
