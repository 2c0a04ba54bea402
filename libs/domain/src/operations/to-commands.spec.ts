import { fixedClock } from '../common/clock';
import { sequentialIdGenerator } from '../common/id-generator';
import { Parsed } from '../specs/wire';
import {
  applicationSpecJson,
  localServiceSpecJson,
  opSpecJson,
  taskSpecJson,
} from '../testing/spec-fixtures';
import { parseApplicationOperation } from './application-operation.dto';
import { parseLocalServiceOperation } from './local-service-operation.dto';
import { parseTaskOperation } from './task-operation.dto';
import { applicationCommandOf, localServiceCommandOf, taskCommandOf } from './to-commands';

const clock = fixedClock(77);
const valueOf = <T>(p: Parsed<T>): T => {
  if (!p.ok) throw new Error(p.errors.join('; '));
  return p.value;
};
const opSpec = { ...opSpecJson(), timeout: '5m' };
const wireOpSpec = { ...opSpecJson(), timeout: '5 minutes' };
const view = { healthyInstanceIds: ['AI-1', 'AI-2'], activeInstanceIds: ['AI-1', 'AI-2', 'AI-3'] };
const app = (json: object) => applicationCommandOf(valueOf(parseApplicationOperation(json)), view, clock);

describe('operation -> command', () => {
  it('CREATE answers name-version and carries the spec in wire form', () => {
    const { appId, command } = app({ type: 'CREATE', spec: applicationSpecJson(), instances: 2, opSpec });
    expect(appId).toBe('test-app-1');
    expect(command).toEqual({
      type: 'CreateApplication',
      spec: applicationSpecJson(),
      instances: 2,
      opSpec: wireOpSpec,
      at: 77,
    });
  });

  it.each([
    [
      { type: 'DESTROY', appId: 'a', opSpec },
      { type: 'DestroyApplication', appId: 'a', opSpec: wireOpSpec, at: 77 },
    ],
    [
      { type: 'START_INSTANCES', appId: 'a', instances: 2, opSpec },
      {
        type: 'StartApplicationInstances',
        appId: 'a',
        instances: 2,
        opSpec: wireOpSpec,
        healthyInstances: 2,
        at: 77,
      },
    ],
    [
      { type: 'STOP_INSTANCES', appId: 'a', instanceIds: ['AI-3'], opSpec },
      {
        type: 'StopApplicationInstances',
        appId: 'a',
        instanceIds: ['AI-3'],
        skipRespawn: false,
        opSpec: wireOpSpec,
        activeInstanceIds: view.activeInstanceIds,
        at: 77,
      },
    ],
    [
      { type: 'SCALE_INSTANCES', appId: 'a', requiredInstances: 4, opSpec },
      { type: 'ScaleApplication', appId: 'a', requiredInstances: 4, opSpec: wireOpSpec, at: 77 },
    ],
    [
      { type: 'REPLACE_INSTANCES', appId: 'a', opSpec },
      {
        type: 'ReplaceApplicationInstances',
        appId: 'a',
        instanceIds: [],
        stopFirst: false,
        opSpec: wireOpSpec,
        healthyInstanceIds: view.healthyInstanceIds,
        at: 77,
      },
    ],
    [
      { type: 'SUSPEND', appId: 'a', opSpec },
      { type: 'SuspendApplication', appId: 'a', opSpec: wireOpSpec, at: 77 },
    ],
    [
      { type: 'RECOVER', appId: 'a' },
      {
        type: 'RecoverApplication',
        appId: 'a',
        opSpec: { timeout: '300 seconds', parallelism: 1, failureStrategy: 'STOP' },
        at: 77,
      },
    ],
  ])('%j', (op, command) => {
    expect(app(op)).toEqual({ appId: 'a', command });
  });

  it('task CREATE draws a TI- id and answers source-taskId; KILL answers the bare id', () => {
    const ids = sequentialIdGenerator();
    const created = taskCommandOf(
      valueOf(parseTaskOperation({ type: 'CREATE', spec: taskSpecJson(), opSpec })),
      ids,
      clock,
    );
    expect(created).toEqual({
      taskId: 'test-app-T0001',
      command: {
        type: 'CreateTask',
        spec: taskSpecJson(),
        opSpec: wireOpSpec,
        instanceId: 'TI-00000000-0000-4000-8000-000000000000',
        at: 77,
      },
    });
    const killed = taskCommandOf(
      valueOf(parseTaskOperation({ type: 'KILL', sourceAppName: 'a', taskId: 'T', opSpec })),
      ids,
      clock,
    );
    expect(killed).toEqual({
      taskId: 'T',
      command: { type: 'KillTask', sourceAppName: 'a', taskId: 'T', opSpec: wireOpSpec, at: 77 },
    });
  });

  it('local service operations', () => {
    const ls = (json: object) => localServiceCommandOf(valueOf(parseLocalServiceOperation(json)), clock);
    expect(ls({ type: 'CREATE', spec: localServiceSpecJson(), instancesPerHost: 2 })).toEqual({
      serviceId: 'test-service-1',
      command: { type: 'CreateLocalService', spec: localServiceSpecJson(), instancesPerHost: 2, at: 77 },
    });
    expect(ls({ type: 'RESTART', serviceId: 's', stopFirst: true, clusterOpSpec: opSpec })).toEqual({
      serviceId: 's',
      command: {
        type: 'RequestLocalServiceOperation',
        serviceId: 's',
        operation: 'RESTART',
        stopFirst: true,
        opSpec: wireOpSpec,
        at: 77,
      },
    });
    expect(ls({ type: 'UPDATE_INSTANCE_COUNT', serviceId: 's', instancesPerHost: 3 }).command).toEqual({
      type: 'RequestLocalServiceOperation',
      serviceId: 's',
      operation: 'UPDATE_INSTANCE_COUNT',
      instancesPerHost: 3,
      at: 77,
    });
  });
});
