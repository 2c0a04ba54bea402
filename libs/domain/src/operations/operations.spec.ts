import {
  applicationSpecJson,
  localServiceSpecJson,
  opSpecJson,
  taskSpecJson,
} from '../testing/spec-fixtures';
import { Parsed, toWire } from '../specs/wire';
import { applicationOperationType, parseApplicationOperation } from './application-operation.dto';
import { parseLocalServiceOperation } from './local-service-operation.dto';
import { parseTaskOperation } from './task-operation.dto';

const errorsOf = (parsed: Parsed<unknown>): string[] => (parsed.ok ? [] : parsed.errors);
const appId = 'test-app-1';
const opSpec = opSpecJson();

const APP_OPS: Record<string, unknown>[] = [
  { type: 'CREATE', spec: applicationSpecJson(), instances: 2, opSpec },
  { type: 'DESTROY', appId, opSpec },
  { type: 'START_INSTANCES', appId, instances: 1, opSpec },
  { type: 'STOP_INSTANCES', appId, instanceIds: ['AI-1'], skipRespawn: true, opSpec },
  { type: 'SCALE', appId, requiredInstances: 3, opSpec },
  { type: 'REPLACE_INSTANCES', appId, instanceIds: [], stopFirst: false, opSpec },
  { type: 'SUSPEND', appId, opSpec },
  { type: 'RECOVER', appId },
];

describe('ApplicationOperation', () => {
  it.each(APP_OPS.map((op) => [op.type, op]))('%s round-trips', (_type, op) => {
    const parsed = parseApplicationOperation(op);
    expect(errorsOf(parsed)).toEqual([]);
    expect(parsed.ok && toWire(parsed.value)).toEqual(op);
  });

  it('reads SCALE_INSTANCES (what Drove writes) as SCALE, and writes SCALE (what Drove reads)', () => {
    const parsed = parseApplicationOperation({
      type: 'scale_instances',
      appId,
      requiredInstances: 1,
      opSpec,
    });
    expect(parsed.ok && toWire(parsed.value)).toMatchObject({ type: 'SCALE' });
    expect(parsed.ok && applicationOperationType(parsed.value)).toBe('SCALE_INSTANCES');
  });

  it.each([
    [
      { type: 'CREATE', spec: applicationSpecJson(), instances: 2049, opSpec },
      'instances must be less than or equal to 2048',
    ],
    [
      { type: 'CREATE', spec: applicationSpecJson(), instances: -1, opSpec },
      'instances must be greater than or equal to 0',
    ],
    [{ type: 'CREATE', instances: 1, opSpec }, 'spec must not be null'],
    [
      { type: 'CREATE', spec: { ...applicationSpecJson(), name: '' }, instances: 1, opSpec },
      'spec.name - Application name is mandatory',
    ],
    [{ type: 'CREATE', spec: applicationSpecJson(), instances: 1 }, 'opSpec must not be null'],
    [{ type: 'DESTROY', appId: '', opSpec }, 'appId must not be empty'],
    [
      { type: 'START_INSTANCES', appId, instances: 1025, opSpec },
      'instances must be less than or equal to 1024',
    ],
    [{ type: 'STOP_INSTANCES', appId, instanceIds: [], opSpec }, 'instanceIds must not be empty'],
    [
      { type: 'SCALE', appId, requiredInstances: 2049, opSpec },
      'requiredInstances must be less than or equal to 2048',
    ],
    [
      { type: 'SUSPEND', appId, opSpec: { ...opSpec, parallelism: 0 } },
      'opSpec.parallelism must be greater than or equal to 1',
    ],
    [
      { type: 'SUSPEND', appId, opSpec: { ...opSpec, parallelism: 513 } },
      'opSpec.parallelism must be less than or equal to 512',
    ],
    [
      { type: 'SUSPEND', appId, opSpec: { ...opSpec, timeout: undefined } },
      'opSpec.timeout must not be null',
    ],
    [
      { type: 'SUSPEND', appId, opSpec: { ...opSpec, failureStrategy: undefined } },
      'opSpec.failureStrategy must not be null',
    ],
    [{ type: 'RECOVER' }, 'appId must not be empty'],
    [
      { type: 'SUSPEND', appId, opSpec: { ...opSpec, parallelism: undefined } },
      'opSpec.parallelism must be greater than or equal to 1',
    ],
  ])('%j fails with "%s"', (op, message) => {
    expect(errorsOf(parseApplicationOperation(op))).toContain(message);
  });

  it.each([{ type: 'RESTART', appId }, { appId }, 'CREATE', null])('%j is a JSON failure', (op) => {
    expect(parseApplicationOperation(op)).toMatchObject({ ok: false, kind: 'JSON' });
  });
});

describe('TaskOperation', () => {
  it.each([
    { type: 'CREATE', spec: taskSpecJson(), opSpec },
    { type: 'KILL', sourceAppName: 'test-app', taskId: 'T1', opSpec },
  ])('$type round-trips', (op) => {
    const parsed = parseTaskOperation(op);
    expect(parsed.ok && toWire(parsed.value)).toEqual(op);
  });

  it.each([
    [{ type: 'KILL', sourceAppName: '', taskId: 'T1', opSpec }, 'sourceAppName must not be empty'],
    [{ type: 'KILL', sourceAppName: 'a', taskId: '', opSpec }, 'taskId must not be empty'],
    [{ type: 'KILL', sourceAppName: 'a', taskId: 'T' }, 'opSpec must not be null'],
    [
      { type: 'CREATE', spec: { ...taskSpecJson(), taskId: '' }, opSpec },
      'spec.taskId - Task ID is mandatory',
    ],
  ])('%j fails with "%s"', (op, message) => {
    expect(errorsOf(parseTaskOperation(op))).toContain(message);
  });
});

describe('LocalServiceOperation', () => {
  const serviceId = 'test-service-1';
  it.each([
    { type: 'CREATE', spec: localServiceSpecJson(), instancesPerHost: 2 },
    { type: 'ACTIVATE', serviceId },
    { type: 'DEACTIVATE', serviceId },
    { type: 'RESTART', serviceId, stopFirst: true, clusterOpSpec: opSpec },
    { type: 'ADJUST_INSTANCES', serviceId, opSpec },
    { type: 'DEPLOY_TEST_INSTANCE', serviceId },
    { type: 'REPLACE_INSTANCES', serviceId, instanceIds: ['SI-1'], stopFirst: false },
    { type: 'STOP_INSTANCES', serviceId, instanceIds: ['SI-1'] },
    { type: 'UPDATE_INSTANCE_COUNT', serviceId, instancesPerHost: 3 },
    { type: 'DESTROY', serviceId },
  ])('$type round-trips', (op) => {
    const parsed = parseLocalServiceOperation(op);
    expect(errorsOf(parsed)).toEqual([]);
    expect(parsed.ok && toWire(parsed.value)).toEqual(op);
  });

  it('reads STOP as DEACTIVATE', () => {
    const parsed = parseLocalServiceOperation({ type: 'stop', serviceId });
    expect(parsed.ok && toWire(parsed.value)).toEqual({ type: 'DEACTIVATE', serviceId });
  });

  it.each([
    [
      { type: 'CREATE', spec: localServiceSpecJson(), instancesPerHost: 0 },
      'instancesPerHost must be greater than or equal to 1',
    ],
    [
      { type: 'UPDATE_INSTANCE_COUNT', serviceId, instancesPerHost: 257 },
      'instancesPerHost must be less than or equal to 256',
    ],
    [{ type: 'STOP_INSTANCES', serviceId, instanceIds: [] }, 'instanceIds must not be empty'],
    [{ type: 'ACTIVATE', serviceId: '' }, 'serviceId must not be empty'],
    [{ type: 'UPDATE_INSTANCE_COUNT', serviceId }, 'instancesPerHost must be greater than or equal to 1'],
  ])('%j fails with "%s"', (op, message) => {
    expect(errorsOf(parseLocalServiceOperation(op))).toContain(message);
  });
});
