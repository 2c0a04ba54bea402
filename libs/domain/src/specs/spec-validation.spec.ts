import { applicationSpecJson, localServiceSpecJson, taskSpecJson } from '../testing/spec-fixtures';
import { maskSpec } from './masking';
import { parseApplicationSpec, parseLocalServiceSpec, parseTaskSpec } from './parse-specs';
import {
  DEFAULT_SPEC_VALIDATION_OPTIONS,
  SpecValidationOptions,
  validateApplicationSpec,
  validateLocalServiceSpec,
  validateTaskSpec,
} from './spec-validation';
import { Parsed, toWire } from './wire';

type Json = Record<string, unknown>;
const valueOf = <T>(parsed: Parsed<T>): T => {
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.value;
};
const app = (patch: Json) => valueOf(parseApplicationSpec({ ...applicationSpecJson(), ...patch }));
const opts = (patch: Partial<SpecValidationOptions>) => ({ ...DEFAULT_SPEC_VALIDATION_OPTIONS, ...patch });
const httpCheck = (portName: string) => ({
  ...applicationSpecJson().healthcheck,
  mode: { ...applicationSpecJson().healthcheck.mode, portName },
});

describe('semantic validation of an application spec (Drove section 2.9)', () => {
  const cases: [string, Json, Partial<SpecValidationOptions>, string][] = [
    [
      'health check port',
      { healthcheck: httpCheck('nope') },
      {},
      'Invalid port name for health check: nope. Available ports: [main, admin]',
    ],
    [
      'readiness port',
      { readiness: httpCheck('x') },
      {},
      'Invalid port name for health check: x. Available ports: [main, admin]',
    ],
    ['cpu', { resources: [{ type: 'MEMORY', sizeInMB: 1 }] }, {}, 'Cpu requirements are mandatory'],
    ['memory', { resources: [{ type: 'CPU', count: 1 }] }, {}, 'Memory requirements are mandatory'],
    [
      'exposure port',
      { exposureSpec: { vhost: 'v', portName: 'web' } },
      {},
      'Exposed port name web is undefined. Defined port names: [main, admin]',
    ],
    [
      'mount whitelist',
      {},
      { allowedMountDirs: ['/var'] },
      'Volume mount requested on non whitelisted host directory: /mnt/data',
    ],
    [
      'args disabled',
      {},
      { disableCmdlArgs: true },
      'Passing command line to containers is disabled on this cluster',
    ],
    [
      'args length',
      { args: ['a'.repeat(2049)] },
      {},
      'Maximum combined length of command line arguments can be 2048',
    ],
    [
      'devices',
      {},
      {},
      'Device access is disabled. To enable, set enableRawDeviceAccess: true in controller options.',
    ],
    [
      'local policy',
      { placementPolicy: { type: 'LOCAL', hostLevel: true } },
      {},
      'Local service placement is not allowed for apps',
    ],
    [
      'nested local policy',
      { placementPolicy: { type: 'COMPOSITE', policies: [{ type: 'LOCAL' }] } },
      {},
      'Local service placement is not allowed for apps',
    ],
  ];

  it.each(cases)('%s', (_name, patch, options, message) => {
    expect(validateApplicationSpec(app(patch), opts(options))).toContain(message);
  });

  it('passes a good spec on a permissive cluster', () => {
    expect(
      validateApplicationSpec(
        app({}),
        opts({ enableRawDeviceAccess: true, allowedMountDirs: ['/mnt', '/etc'] }),
      ),
    ).toEqual([]);
  });

  it('checks tasks and local services too', () => {
    const task = valueOf(
      parseTaskSpec({ ...taskSpecJson(), placementPolicy: { type: 'LOCAL' }, devices: [] }),
    );
    expect(validateTaskSpec(task)).toEqual(['Local service placement is not allowed for tasks']);
    const service = valueOf(
      parseLocalServiceSpec({ ...localServiceSpecJson(), placementPolicy: { type: 'ANY' }, devices: [] }),
    );
    expect(validateLocalServiceSpec(service)).toEqual(['Only local placement is allowed for local services']);
    const good = valueOf(parseLocalServiceSpec({ ...localServiceSpecJson(), devices: [] }));
    expect(validateLocalServiceSpec(good)).toEqual([]);
  });
});

describe('masking', () => {
  const wire = toWire(app({})) as { configs: Json[] };
  const masked = maskSpec(wire);

  it('empties inline data and stars HTTP credentials', () => {
    expect(masked.configs[0]).toMatchObject({ type: 'INLINE', data: '' });
    expect(masked.configs[2].http).toMatchObject({
      username: '***',
      password: '***',
      authHeader: '***',
      hostname: 'config.local',
    });
  });

  it('works on a copy', () => {
    expect(wire.configs[0]).toMatchObject({ data: 'aGVsbG8gd29ybGQ=' });
  });

  it('leaves absent credentials absent', () => {
    expect(masked.configs[3].http).not.toHaveProperty('username');
  });
});
