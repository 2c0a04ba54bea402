import { instanceInfo } from '../../testing/instance-builders';
import { ApplicationSpecJson, LocalServiceSpecJson, TaskSpecJson } from '../common/wire-types';
import { Duration } from '../common/duration';
import { Parsed, toWire } from '../specs/wire';
import { applicationSpecJson, localServiceSpecJson, taskSpecJson } from '../testing/spec-fixtures';
import {
  parseApplicationInstanceSpec,
  parseLocalServiceInstanceSpec,
  parseTaskInstanceSpec,
} from './instance-spec.dto';
import { applicationInstanceSpec, localServiceInstanceSpec, taskInstanceSpec } from './instance-specs';

const resources = instanceInfo('PENDING', 1).resources;
const errorsOf = (p: Parsed<unknown>): string[] => (p.ok ? [] : p.errors);
const appInstance = () =>
  applicationInstanceSpec('test-app-1', applicationSpecJson() as ApplicationSpecJson, {
    instanceId: 'AI-1',
    resources,
    instanceAuthToken: 'jwt',
  });

describe('instance specs read by the executor', () => {
  it.each([
    ['application', parseApplicationInstanceSpec, appInstance],
    [
      'task',
      parseTaskInstanceSpec,
      () => taskInstanceSpec(taskSpecJson() as TaskSpecJson, { instanceId: 'TI-1', resources }),
    ],
    [
      'local service',
      parseLocalServiceInstanceSpec,
      () =>
        localServiceInstanceSpec('s-1', localServiceSpecJson() as LocalServiceSpecJson, {
          instanceId: 'SI-1',
          resources,
          hostLevelInstance: false,
        }),
    ],
  ] as [string, (json: unknown) => Parsed<object>, () => object][])(
    'a %s instance spec round-trips',
    (_name, parse, build) => {
      const parsed = parse(build());
      expect(errorsOf(parsed)).toEqual([]);
      expect(parsed.ok && toWire(parsed.value)).toEqual(build());
    },
  );

  it('gives the executor typed durations', () => {
    const parsed = parseApplicationInstanceSpec(appInstance());
    expect(parsed.ok && parsed.value.healthcheck.interval).toEqual(Duration.of(3, 'seconds'));
    expect(parsed.ok && parsed.value.executable.dockerPullTimeout.toMillis()).toBe(100_000);
  });

  it.each([
    ['instanceId', '', 'instanceId must not be empty'],
    ['appId', '', 'appId must not be empty'],
    ['resources', [], 'resources must not be empty'],
    ['ports', [], 'ports must not be empty'],
    ['healthcheck', undefined, 'healthcheck must not be null'],
  ])('%s = %j fails with "%s"', (field, v, message) => {
    expect(errorsOf(parseApplicationInstanceSpec({ ...appInstance(), [field]: v }))).toContain(message);
  });

  it('an unknown allocation type is a mapping failure', () => {
    expect(parseApplicationInstanceSpec({ ...appInstance(), resources: [{ type: 'GPU' }] })).toMatchObject({
      ok: false,
      kind: 'JSON',
    });
  });
});
