import { applicationSpecJson, localServiceSpecJson, taskSpecJson } from '../testing/spec-fixtures';
import { normaliseHostPath } from './host-path';
import { parseApplicationSpec, parseLocalServiceSpec, parseTaskSpec } from './parse-specs';
import {
  DEFAULT_SPEC_VALIDATION_OPTIONS,
  SpecValidationOptions,
  validateApplicationSpec,
  validateLocalServiceSpec,
  validateTaskSpec,
} from './spec-validation';
import { Parsed } from './wire';

type Json = Record<string, unknown>;
type Validate = (patch: Json, options: SpecValidationOptions) => string[];

const valueOf = <T>(parsed: Parsed<T>): T => {
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.value;
};

// Each kind with its fixture's own args, devices and configs removed, so a case adds only what it is about.
const kinds: [string, Validate][] = [
  [
    'application',
    (patch, options) =>
      validateApplicationSpec(
        valueOf(
          parseApplicationSpec({ ...applicationSpecJson(), args: [], devices: [], configs: [], ...patch }),
        ),
        options,
      ),
  ],
  [
    'task',
    (patch, options) =>
      validateTaskSpec(
        valueOf(parseTaskSpec({ ...taskSpecJson(), args: [], devices: [], configs: [], ...patch })),
        options,
      ),
  ],
  [
    'local service',
    (patch, options) =>
      validateLocalServiceSpec(
        valueOf(
          parseLocalServiceSpec({ ...localServiceSpecJson(), args: [], devices: [], configs: [], ...patch }),
        ),
        options,
      ),
  ],
];

const volume = (pathOnHost: string) => ({
  volumes: [{ pathInContainer: '/data', pathOnHost, mode: 'READ_WRITE' }],
});
const device = { devices: [{ type: 'DIRECT', pathOnHost: '/dev/fuse', pathInContainer: '/dev/fuse' }] };
const refusedMount = (path: string) => `Volume mount requested on non whitelisted host directory: ${path}`;
const localFile = (filePathOnHost: string) => ({
  volumes: [],
  configs: [{ type: 'EXECUTOR_LOCAL_FILE', localFilename: '/etc/app.conf', filePathOnHost }],
});
const refusedFile = (path: string) => `Config file requested from non whitelisted host path: ${path}`;
const DEVICES_DISABLED =
  'Device access is disabled. To enable, set enableRawDeviceAccess: true in controller options.';
const ARGS_DISABLED = 'Passing command line to containers is disabled on this cluster';

const options = (patch: Partial<SpecValidationOptions>): SpecValidationOptions => ({
  ...DEFAULT_SPEC_VALIDATION_OPTIONS,
  ...patch,
});
const allowed = options({ allowedMountDirs: ['/allowed', '/srv/data/'] });

describe.each(kinds)('controller options applied to a %s spec', (_kind, validate) => {
  const cases: [string, Json, SpecValidationOptions, string[]][] = [
    [
      'no whitelist: any host path mounts',
      volume('/var/run/docker.sock'),
      DEFAULT_SPEC_VALIDATION_OPTIONS,
      [],
    ],
    ['a whitelisted directory itself', volume('/allowed'), allowed, []],
    ['a path below a whitelisted directory', volume('/allowed/cache/x'), allowed, []],
    ['below a whitelisted directory given with a trailing slash', volume('/srv/data/a'), allowed, []],
    [
      'a path outside the whitelist',
      volume('/var/run/docker.sock'),
      allowed,
      [refusedMount('/var/run/docker.sock')],
    ],
    [
      'a traversal out of a whitelisted directory',
      volume('/allowed/../etc'),
      allowed,
      [refusedMount('/allowed/../etc')],
    ],
    ['a sibling sharing the prefix', volume('/allowedX/secret'), allowed, [refusedMount('/allowedX/secret')]],
    ['a relative host path', volume('allowed/x'), allowed, [refusedMount('allowed/x')]],
    ['a traversal that stays inside', volume('/allowed/a/../b'), allowed, []],
    ['a local config file with no whitelist', localFile('/etc/shadow'), DEFAULT_SPEC_VALIDATION_OPTIONS, []],
    ['a local config file below a whitelisted directory', localFile('/allowed/app.conf'), allowed, []],
    ['a local config file elsewhere', localFile('/etc/shadow'), allowed, [refusedFile('/etc/shadow')]],
    [
      'a local config file by traversal',
      localFile('/allowed/../etc/shadow'),
      allowed,
      [refusedFile('/allowed/../etc/shadow')],
    ],
    ['devices by default', device, DEFAULT_SPEC_VALIDATION_OPTIONS, [DEVICES_DISABLED]],
    ['devices with enableRawDeviceAccess', device, options({ enableRawDeviceAccess: true }), []],
    ['args by default', { args: ['-v'] }, DEFAULT_SPEC_VALIDATION_OPTIONS, []],
    ['args with disableCmdlArgs', { args: ['-v'] }, options({ disableCmdlArgs: true }), [ARGS_DISABLED]],
    ['no args with disableCmdlArgs', { args: [] }, options({ disableCmdlArgs: true }), []],
  ];

  it.each(cases)('given %s, then the errors are as listed', (_name, patch, given, expected) => {
    expect(validate(patch, given)).toEqual(expected);
  });
});

describe('normaliseHostPath', () => {
  it.each([
    ['/a/./b//c/', '/a/b/c'],
    ['/a/../../etc', '/etc'],
    ['/', '/'],
    ['rel/x', null],
  ])('%s -> %s', (path, expected) => {
    expect(normaliseHostPath(path)).toBe(expected);
  });
});
