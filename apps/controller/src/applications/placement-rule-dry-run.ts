import { RULE_TYPES, RuleType } from '@drove/domain';
import { RuleCompiler, RuleValue } from '@drove/scheduler';
import { CommandValidationError } from '../http/drove-errors';

/** Drove's RuleCallStatus: not the envelope's `FAILED`. */
export type RuleCallStatus = 'SUCCESS' | 'FAILURE';

export interface RuleCheckResponse {
  status: RuleCallStatus;
  error?: string;
}

export interface RuleEvalResponse {
  status: RuleCallStatus;
  result?: boolean;
  error?: string;
}

/** What `POST /apis/v1/applications/placementpolicy/rule/dryrun` answers in `data`. */
export interface RuleDryRunResult {
  status: boolean;
  checkResult: RuleCheckResponse | string;
  evalResult: RuleEvalResponse;
}

interface DryRunRuleInfo {
  rule: unknown;
  ruleType: unknown;
  schedulingInfo: Record<string, unknown>;
}

/** The fields of Drove's SchedulingInfo: a rule sees these and nothing else the caller sent. */
const SCHEDULING_INFO_FIELDS = [
  'executorNodeId',
  'allocatedExecutorNodeMetadata',
  'allExecutorMetadata',
  'applicationEnvironment',
];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Both fields are @NotNull in Drove's DryRunRuleInfo; the policy inside is not validated further there. */
export function parseDryRunRuleInfo(body: unknown): DryRunRuleInfo {
  const fields = isObject(body) ? body : {};
  const errors = ['ruleBasedPlacementPolicy', 'schedulingInfo']
    .filter((field) => !isObject(fields[field]))
    .map((field) => `${field} must not be null`);
  if (errors.length > 0) throw new CommandValidationError(errors);
  const policy = fields.ruleBasedPlacementPolicy as Record<string, unknown>;
  return {
    rule: policy.rule,
    ruleType: policy.ruleType,
    schedulingInfo: fields.schedulingInfo as Record<string, unknown>,
  };
}

const NOT_EVALUATED: RuleEvalResponse = { status: 'FAILURE', error: 'Not evaluated' };

/** Compiles the rule as placement would (same dialects, same compiler), then runs it on the scheduling info. */
export function dryRunRule(info: DryRunRuleInfo, compiler: RuleCompiler): RuleDryRunResult {
  if (!RULE_TYPES.includes(info.ruleType as RuleType)) {
    return {
      status: false,
      checkResult: `Unregistered RuleType :${String(info.ruleType)}`,
      evalResult: NOT_EVALUATED,
    };
  }
  const ruleType = info.ruleType as RuleType;
  let test: (input: RuleValue) => boolean;
  try {
    test = compiler.compile(typeof info.rule === 'string' ? info.rule : '', ruleType).test;
  } catch (error) {
    const dialect = ruleType === 'HOPE' ? 'HopeLang' : 'MVEL';
    const message = `${dialect} Compilation error: ${(error as Error).message}`;
    return { status: false, checkResult: message, evalResult: NOT_EVALUATED };
  }
  const input = Object.fromEntries(
    SCHEDULING_INFO_FIELDS.filter((field) => info.schedulingInfo[field] != null).map((field) => [
      field,
      info.schedulingInfo[field] as RuleValue,
    ]),
  );
  return {
    status: true,
    checkResult: { status: 'SUCCESS' },
    evalResult: { status: 'SUCCESS', result: test(input) },
  };
}
