import { ConfigError, parseConfig } from '@drove/config';
import { DEFAULT_CLUSTER_OP_SPEC, DEFAULT_SPEC_VALIDATION_OPTIONS } from '@drove/domain';
import { ControllerConfig } from '../config/controller-config';
import {
  clusterOptionsSettingsOf,
  internalOpSpecOf,
  specValidationOptionsOf,
} from './cluster-options.config';
import { ignoredOptionsSet } from './ignored-options';

const optionsOf = (yaml: string) => parseConfig(ControllerConfig, `options:\n${yaml}`, 'c.yml', {}).options;

const errorOf = (yaml: string): string => {
  try {
    optionsOf(yaml);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected the config to be rejected');
};

describe("Drove's spec and cluster-operation options in the controller config", () => {
  it("given no options, then Drove's defaults apply", () => {
    const options = parseConfig(ControllerConfig, null, 'c.yml', {}).options;
    expect(specValidationOptionsOf(options)).toEqual(DEFAULT_SPEC_VALIDATION_OPTIONS);
    expect(internalOpSpecOf(options)).toEqual(DEFAULT_CLUSTER_OP_SPEC);
    expect(ignoredOptionsSet(options)).toEqual([]);
    expect(clusterOptionsSettingsOf(options).ruleCacheSize).toBe(100);
  });

  it("given compiledRuleCacheCount, then the scheduler's rule cache gets that size", () => {
    expect(clusterOptionsSettingsOf(optionsOf('  compiledRuleCacheCount: 0')).ruleCacheSize).toBe(0);
  });

  it('given a Drove config with the options set, then they reach spec validation and internal operations', () => {
    const options = optionsOf(
      [
        '  allowedMountDirs: [/var/lib/drove, /srv]',
        '  disableCmdlArgs: true',
        '  enableRawDeviceAccess: true',
        '  clusterOpTimeout: 10m',
        '  clusterOpParallelism: 4',
      ].join('\n'),
    );
    expect(specValidationOptionsOf(options)).toEqual({
      allowedMountDirs: ['/var/lib/drove', '/srv'],
      disableCmdlArgs: true,
      enableRawDeviceAccess: true,
    });
    const opSpec = internalOpSpecOf(options);
    expect([opSpec.timeout.toMillis(), opSpec.parallelism, opSpec.failureStrategy]).toEqual([
      600_000,
      4,
      'STOP',
    ]);
  });

  it('given clusterOpParallelism 0, then internal operations run one at a time, as in Drove', () => {
    expect(internalOpSpecOf(optionsOf('  clusterOpParallelism: 0')).parallelism).toBe(1);
  });

  it.each([
    ['clusterOpTimeout: 5 seconds', 'options.clusterOpTimeout: must be between 10 seconds and 1800 seconds'],
    ['clusterOpTimeout: 31 minutes', 'options.clusterOpTimeout: must be between 10 seconds and 1800 seconds'],
    ['clusterOpTimeout: 300', 'options.clusterOpTimeout: must be a duration'],
    [
      'clusterOpParallelism: 513',
      'options.clusterOpParallelism: clusterOpParallelism must not be greater than 512',
    ],
    [
      'clusterOpParallelism: -1',
      'options.clusterOpParallelism: clusterOpParallelism must not be less than 0',
    ],
    [
      'allowedMountDirs: [/ok, relative/dir]',
      'options.allowedMountDirs: must list absolute directories; not absolute: relative/dir',
    ],
    ['allowedMountDirs: /single', 'options.allowedMountDirs: must be a list of absolute directories'],
    ['disableCmdlArgs: maybe', 'options.disableCmdlArgs: disableCmdlArgs must be a boolean value'],
    [
      'enableRawDeviceAccess: 1',
      'options.enableRawDeviceAccess: enableRawDeviceAccess must be a boolean value',
    ],
    [
      'compiledRuleCacheCount: 1001',
      'options.compiledRuleCacheCount: compiledRuleCacheCount must not be greater than 1000',
    ],
    ['jobRetryCount: 33', 'options.jobRetryCount: jobRetryCount must not be greater than 32'],
    [
      'instanceStateCheckRetryInterval: 1 second',
      'options.instanceStateCheckRetryInterval: must be between 5 seconds',
    ],
  ])('given %s, then startup stops naming the field', (line, message) => {
    expect(errorOf(`  ${line}`)).toContain(message);
  });

  it('given Drove options without effect here, then they are accepted and listed for the startup warning', () => {
    const options = optionsOf(
      [
        '  jobRetryCount: 2',
        '  jobRetryInterval: 1 second',
        '  maxEventsStorageDuration: 60 minutes',
        '  auditedHttpMethods: [POST, PUT]',
      ].join('\n'),
    );
    expect(ignoredOptionsSet(options)).toEqual([
      'jobRetryCount',
      'jobRetryInterval',
      'maxEventsStorageDuration',
      'auditedHttpMethods',
    ]);
  });

  it('given an option Drove does not have, then it is still an unknown key', () => {
    expect(errorOf('  allowedMountDir: [/x]')).toContain(
      'options.allowedMountDir: property allowedMountDir should not exist',
    );
  });
});
