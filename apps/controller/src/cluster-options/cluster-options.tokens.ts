import {
  ClusterOpSpecDto,
  ClusterOpSpecJson,
  DEFAULT_CLUSTER_OP_SPEC,
  DEFAULT_SPEC_VALIDATION_OPTIONS,
  SpecValidationOptions,
  toWire,
} from '@drove/domain';

/** The configured SpecValidationOptions; Drove's defaults where a module is built without them (tests). */
export const SPEC_VALIDATION_OPTIONS = Symbol('SpecValidationOptions');
/** The ClusterOpSpecDto of operations the controller issues itself and of user operations without one. */
export const INTERNAL_OP_SPEC = Symbol('InternalOpSpec');
/** How many compiled RULE_BASED placement rules the scheduler keeps (Drove's compiledRuleCacheCount). */
export const RULE_CACHE_SIZE = Symbol('RuleCacheSize');

export interface ClusterOptionsSettings {
  spec: SpecValidationOptions;
  internalOpSpec: ClusterOpSpecDto;
  ruleCacheSize: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptionsSettings = {
  spec: DEFAULT_SPEC_VALIDATION_OPTIONS,
  internalOpSpec: DEFAULT_CLUSTER_OP_SPEC,
  ruleCacheSize: 100,
};

export const wireOpSpec = (opSpec: ClusterOpSpecDto): ClusterOpSpecJson =>
  toWire(opSpec) as ClusterOpSpecJson;
