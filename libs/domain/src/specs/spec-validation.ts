import { ApplicationSpecDto, ServiceSpecDto } from './application-spec.dto';
import { CheckSpecDto } from './check-spec.dto';
import { DeployableSpecDto } from './deployable-spec.dto';
import { isUnderAllowedDir } from './host-path';
import { LocalServiceSpecDto } from './local-service-spec.dto';
import { PlacementPolicy } from './placement-policy';
import { TaskSpecDto } from './task-spec.dto';

// The semantic checks Drove's controller runs after bean validation (ApplicationCommandValidator and friends),
// with Drove's message texts. Cluster-dependent checks (free resources) belong to the controller.

/** Drove's controller options that govern specs; the controller passes its configured ones. */
export interface SpecValidationOptions {
  /** Host directories volumes and executor-local config files may come from; empty: no restriction (Drove's default). */
  allowedMountDirs: string[];
  disableCmdlArgs: boolean;
  enableRawDeviceAccess: boolean;
}

export const DEFAULT_SPEC_VALIDATION_OPTIONS: SpecValidationOptions = {
  allowedMountDirs: [],
  disableCmdlArgs: false,
  enableRawDeviceAccess: false,
};

export const MAX_COMBINED_ARGS_LENGTH = 2048;

export const containsPolicy = (policy: PlacementPolicy | undefined, type: PlacementPolicy['type']): boolean =>
  !!policy &&
  (policy.type === type ||
    (policy.type === 'COMPOSITE' && policy.policies.some((p) => containsPolicy(p, type))));

const checkPortErrors = (check: CheckSpecDto, ports: string[]): string[] =>
  check.mode.type === 'HTTP' && !ports.includes(check.mode.portName)
    ? [`Invalid port name for health check: ${check.mode.portName}. Available ports: [${ports.join(', ')}]`]
    : [];

const deployableErrors = (spec: DeployableSpecDto, options: SpecValidationOptions): string[] => {
  const errors: string[] = [];
  if (options.allowedMountDirs.length > 0) {
    for (const volume of spec.volumes ?? []) {
      if (!isUnderAllowedDir(volume.pathOnHost, options.allowedMountDirs)) {
        errors.push(`Volume mount requested on non whitelisted host directory: ${volume.pathOnHost}`);
      }
    }
    // Drove checks only volumes, but an EXECUTOR_LOCAL_FILE config copies any host file (say /etc/shadow) into the
    // container just as well: the same whitelist governs it.
    for (const config of spec.configs ?? []) {
      if (
        config.type === 'EXECUTOR_LOCAL_FILE' &&
        !isUnderAllowedDir(config.filePathOnHost, options.allowedMountDirs)
      ) {
        errors.push(`Config file requested from non whitelisted host path: ${config.filePathOnHost}`);
      }
    }
  }
  if (spec.args && spec.args.length > 0) {
    if (options.disableCmdlArgs) {
      errors.push('Passing command line to containers is disabled on this cluster');
    } else if (spec.args.join(' ').length > MAX_COMBINED_ARGS_LENGTH) {
      errors.push(`Maximum combined length of command line arguments can be ${MAX_COMBINED_ARGS_LENGTH}`);
    }
  }
  if (spec.devices && spec.devices.length > 0 && !options.enableRawDeviceAccess) {
    errors.push(
      'Device access is disabled. To enable, set enableRawDeviceAccess: true in controller options.',
    );
  }
  return errors;
};

const serviceErrors = (spec: ServiceSpecDto, options: SpecValidationOptions): string[] => {
  const ports = spec.exposedPorts.map((p) => p.name);
  const types = new Set(spec.resources.map((r) => r.type));
  return [
    ...checkPortErrors(spec.healthcheck, ports),
    ...checkPortErrors(spec.readiness, ports),
    ...(types.has('CPU') ? [] : ['Cpu requirements are mandatory']),
    ...(types.has('MEMORY') ? [] : ['Memory requirements are mandatory']),
    ...deployableErrors(spec, options),
  ];
};

export const validateApplicationSpec = (
  spec: ApplicationSpecDto,
  options: SpecValidationOptions = DEFAULT_SPEC_VALIDATION_OPTIONS,
): string[] => {
  const errors = serviceErrors(spec, options);
  const ports = spec.exposedPorts.map((p) => p.name);
  if (spec.exposureSpec && !ports.includes(spec.exposureSpec.portName)) {
    errors.push(
      `Exposed port name ${spec.exposureSpec.portName} is undefined. Defined port names: [${ports.join(', ')}]`,
    );
  }
  if (containsPolicy(spec.placementPolicy, 'LOCAL')) {
    errors.push('Local service placement is not allowed for apps');
  }
  return errors;
};

export const validateTaskSpec = (
  spec: TaskSpecDto,
  options: SpecValidationOptions = DEFAULT_SPEC_VALIDATION_OPTIONS,
): string[] => [
  ...deployableErrors(spec, options),
  ...(containsPolicy(spec.placementPolicy, 'LOCAL')
    ? ['Local service placement is not allowed for tasks']
    : []),
];

export const validateLocalServiceSpec = (
  spec: LocalServiceSpecDto,
  options: SpecValidationOptions = DEFAULT_SPEC_VALIDATION_OPTIONS,
): string[] => [
  ...serviceErrors(spec, options),
  ...(containsPolicy(spec.placementPolicy, 'LOCAL')
    ? []
    : ['Only local placement is allowed for local services']),
];
