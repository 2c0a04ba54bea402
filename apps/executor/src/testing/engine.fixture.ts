import {
  ApplicationInstanceSpecDto,
  TaskInstanceSpecDto,
  parseApplicationInstanceSpec,
  parseTaskInstanceSpec,
} from '@drove/domain';
import { ExecutorCapacity } from '@drove/topology';
import { CheckerFactory } from '../checks/checker-factory';
import { ContainerLauncher, LauncherSettings } from '../containers/container-launcher';
import { EngineContext } from '../engine/engine-context';
import { InstanceEngine } from '../engine/instance-engine';
import { ResourceLocks } from '../engine/resource-locks';
import { StateRecord } from '../engine/state-record';
import { ContainerRuntime } from '../runtime/container-runtime.port';
import { uniqueSuffix } from './container-spec.fixture';

// Wire-format instance specs (as a controller sends them in START messages) and an engine around a runtime.

export const TEST_CAPACITY: ExecutorCapacity = {
  nodes: [{ id: 0, memoryMB: 4096, coreGroups: [[0], [1]] }],
  physicalCpu: { 0: 0, 1: 1 },
};

export const httpCheck = (overrides: Record<string, unknown> = {}) => ({
  mode: { type: 'HTTP', protocol: 'HTTP', portName: 'main', path: '/', verb: 'GET', successCodes: [200] },
  timeout: '1 second',
  interval: '100 milliseconds',
  attempts: 3,
  initialDelay: '0 seconds',
  ...overrides,
});

export const cmdCheck = (command: string, overrides: Record<string, unknown> = {}) =>
  httpCheck({ mode: { type: 'CMD', command }, ...overrides });

const resources = (core: number) => [
  { type: 'CPU', cores: { '0': [core] } },
  { type: 'MEMORY', memoryInMB: { '0': 64 } },
];

export function appInstanceJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const suffix = uniqueSuffix();
  return {
    appId: `drove-ts-test-app-${suffix}-1`,
    appName: `drove-ts-test-app-${suffix}`,
    instanceId: `AI-${suffix}`,
    executable: { type: 'DOCKER', url: 'drove-test/http-server:latest', dockerPullTimeout: '100 seconds' },
    resources: resources(0),
    ports: [{ name: 'main', port: 8000, type: 'HTTP' }],
    healthcheck: httpCheck(),
    readiness: httpCheck(),
    env: {},
    ...overrides,
  };
}

export function taskInstanceJson(env: Record<string, string>, core = 1): Record<string, unknown> {
  const suffix = uniqueSuffix();
  return {
    taskId: `T${suffix}`,
    sourceAppName: `drove-ts-test-src-${suffix}`,
    instanceId: `TI-${suffix}`,
    executable: { type: 'DOCKER', url: 'drove-test/task:latest', dockerPullTimeout: '100 seconds' },
    resources: resources(core),
    env,
  };
}

export function appDto(json: unknown): ApplicationInstanceSpecDto {
  const parsed = parseApplicationInstanceSpec(json);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.value;
}

export function taskDto(json: unknown): TaskInstanceSpecDto {
  const parsed = parseTaskInstanceSpec(json);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.value;
}

export interface EngineHarness {
  engine: InstanceEngine;
  ctx: EngineContext;
  // Every reported state per instance id, in order.
  states: Map<string, string[]>;
  last: Map<string, StateRecord>;
  // Resolves once the instance reported `state`.
  reached(instanceId: string, state: string, timeoutMs?: number): Promise<StateRecord>;
}

export function engineHarness(
  runtime: ContainerRuntime,
  settings: LauncherSettings,
  checkers: CheckerFactory,
  overrides: Partial<EngineContext> = {},
): EngineHarness {
  const states = new Map<string, string[]>();
  const last = new Map<string, StateRecord>();
  const waiters: (() => void)[] = [];
  const ctx: EngineContext = {
    runtime,
    launcher: new ContainerLauncher(runtime, settings),
    checkers,
    locks: new ResourceLocks(TEST_CAPACITY),
    logFile: () => undefined,
    stopGraceSeconds: 1,
    now: Date.now,
    onChange: (record) => {
      const id = record.info.instanceId;
      states.set(id, [...(states.get(id) ?? []), record.info.state]);
      last.set(id, record);
      waiters.splice(0).forEach((wake) => wake());
    },
    ...overrides,
  };
  const reached = async (instanceId: string, state: string, timeoutMs = 10000): Promise<StateRecord> => {
    const deadline = Date.now() + timeoutMs;
    while (!(states.get(instanceId) ?? []).includes(state)) {
      if (Date.now() > deadline) {
        throw new Error(`${instanceId} never reached ${state}: ${(states.get(instanceId) ?? []).join(' ')}`);
      }
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return last.get(instanceId) as StateRecord;
  };
  return { engine: new InstanceEngine(ctx), ctx, states, last, reached };
}

export function hostPortOf(record: StateRecord, portName: string): number {
  const ports = 'localInfo' in record.info ? record.info.localInfo?.ports : undefined;
  const port = ports?.[portName];
  if (!port) throw new Error(`${record.info.instanceId} has no port ${portName}`);
  return port.hostPort;
}
