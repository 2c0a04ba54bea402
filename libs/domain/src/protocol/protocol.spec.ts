import { instanceInfo } from '../../testing/instance-builders';
import { fixedClock } from '../common/clock';
import { sequentialIdGenerator } from '../common/id-generator';
import { ApplicationSpecJson, LocalServiceSpecJson, TaskSpecJson } from '../common/wire-types';
import { applicationSpecJson, localServiceSpecJson, taskSpecJson } from '../testing/spec-fixtures';
import { parseControllerMessage } from './controller-messages';
import { EXECUTOR_MESSAGE_TYPES, parseExecutorMessage } from './executor-messages';
import { ExecutorResourceSnapshotJson, freeCoreCount, freeMemoryInMB } from './executor-node-data';
import { applicationInstanceSpec, localServiceInstanceSpec, taskInstanceSpec } from './instance-specs';
import { messageResponse, requestHeader } from './message-header';

const header = requestHeader('CONTROLLER', sequentialIdGenerator(), fixedClock(1234));
const address = { executorId: 'e1', hostname: 'h1', port: 3000, transportType: 'HTTP' };
const resources = instanceInfo('PENDING', 1).resources;
const snapshot: ExecutorResourceSnapshotJson = {
  executorId: 'e1',
  cpus: { type: 'CPU', freeCores: { '0': [3, 4], '1': [9] }, usedCores: { '0': [2] } },
  memory: { type: 'MEMORY', freeMemory: { '0': 1000, '1': 24 }, usedMemory: { '0': 64 } },
  layout: { cores: { '0': [2, 3, 4], '1': [9] }, memory: { '0': 1064, '1': 24 } },
};

describe('message header and response', () => {
  it('a request header comes from the injected id generator and clock', () => {
    expect(header).toEqual({
      id: '00000000-0000-4000-8000-000000000000',
      senderType: 'CONTROLLER',
      direction: 'REQUEST',
      messageTime: 1234,
    });
  });

  it('a response echoes the request header', () => {
    expect(messageResponse({ header }, 'ACCEPTED')).toEqual({ header, status: 'ACCEPTED' });
  });
});

describe('instance specs for START messages', () => {
  it('an application instance spec renames ports and logging as Drove does', () => {
    const spec = applicationSpecJson() as ApplicationSpecJson;
    const instance = applicationInstanceSpec('test-app-1', spec, {
      instanceId: 'AI-1',
      resources,
      instanceAuthToken: 'jwt',
    });
    expect(instance).toMatchObject({
      appId: 'test-app-1',
      appName: 'test-app',
      instanceId: 'AI-1',
      ports: spec.exposedPorts,
      loggingSpec: spec.logging,
      healthcheck: spec.healthcheck,
      preShutdown: spec.preShutdown,
      instanceAuthToken: 'jwt',
      resources,
    });
    expect(instance).not.toHaveProperty('logging');
    expect(instance).not.toHaveProperty('exposedPorts');
  });

  it('a task instance spec has no ports, checks or token', () => {
    const instance = taskInstanceSpec(taskSpecJson() as TaskSpecJson, { instanceId: 'TI-1', resources });
    expect(instance).toMatchObject({ taskId: 'T0001', sourceAppName: 'test-app', instanceId: 'TI-1' });
    expect(Object.keys(instance)).not.toEqual(
      expect.arrayContaining(['ports', 'healthcheck', 'instanceAuthToken']),
    );
  });

  it('a local service instance spec says whether it is host level', () => {
    const spec = localServiceSpecJson() as LocalServiceSpecJson;
    expect(
      localServiceInstanceSpec('s-1', spec, { instanceId: 'SI-1', resources, hostLevelInstance: true }),
    ).toMatchObject({
      serviceId: 's-1',
      serviceName: 'test-service',
      hostLevelInstance: true,
    });
  });

  it('leaves absent optional fields out', () => {
    const { volumes: _v, configs: _c, ...spec } = applicationSpecJson();
    const instance = applicationInstanceSpec('a', spec as ApplicationSpecJson, {
      instanceId: 'AI-1',
      resources,
    });
    expect(instance).not.toHaveProperty('volumes');
    expect(instance).not.toHaveProperty('instanceAuthToken');
  });
});

describe('executor messages', () => {
  const withPayload = (type: string): Record<string, unknown> => ({
    type,
    header,
    address,
    ...(type.startsWith('START') ? { spec: { instanceId: 'X' } } : {}),
    ...(type.startsWith('STOP') ? { instanceId: 'X' } : {}),
  });

  it.each(EXECUTOR_MESSAGE_TYPES)('%s parses', (type) => {
    expect(parseExecutorMessage(withPayload(type))).toMatchObject({ ok: true, value: { type } });
  });

  it('reads the type case-insensitively and keeps unknown fields', () => {
    expect(parseExecutorMessage({ ...withPayload('BLACKLIST'), type: 'blacklist', extra: 1 })).toMatchObject({
      ok: true,
      value: { type: 'BLACKLIST', extra: 1 },
    });
  });

  it.each([
    [null, 'message is not an object'],
    [{ ...withPayload('BLACKLIST'), type: 'REBOOT' }, 'Unknown message type: REBOOT'],
    [{ ...withPayload('BLACKLIST'), header: undefined }, 'header with id and messageTime is required'],
    [{ ...withPayload('BLACKLIST'), address: undefined }, 'address.executorId is missing'],
    [{ ...withPayload('START_INSTANCE'), spec: undefined }, 'START_INSTANCE needs a spec'],
    [{ ...withPayload('STOP_TASK'), instanceId: 3 }, 'STOP_TASK needs an instanceId'],
  ])('%j is refused: %s', (json, message) => {
    expect(parseExecutorMessage(json)).toEqual({
      ok: false,
      error: { code: 'INVALID', messages: [message] },
    });
  });
});

describe('controller messages', () => {
  it.each(['INSTANCE_STATE_REPORT', 'TASK_STATE_REPORT', 'LOCAL_SERVICE_INSTANCE_STATE_REPORT'])(
    '%s parses',
    (type) => {
      expect(
        parseControllerMessage({
          type,
          header,
          resourceSnapshot: snapshot,
          instanceInfo: instanceInfo('HEALTHY', 1),
        }).ok,
      ).toBe(true);
    },
  );

  it('EXECUTOR_SNAPSHOT needs node data', () => {
    expect(
      parseControllerMessage({ type: 'EXECUTOR_SNAPSHOT', header, nodeData: { type: 'EXECUTOR' } }).ok,
    ).toBe(true);
    expect(parseControllerMessage({ type: 'EXECUTOR_SNAPSHOT', header })).toMatchObject({ ok: false });
  });

  it('a report without its info is refused', () => {
    expect(
      parseControllerMessage({ type: 'INSTANCE_STATE_REPORT', header, resourceSnapshot: snapshot }),
    ).toMatchObject({
      ok: false,
      error: { messages: ['INSTANCE_STATE_REPORT needs instanceInfo and resourceSnapshot'] },
    });
  });
});

describe('resource snapshot', () => {
  it('sums free cores and memory over NUMA nodes', () => {
    expect(freeCoreCount(snapshot)).toBe(3);
    expect(freeMemoryInMB(snapshot)).toBe(1024);
  });
});
