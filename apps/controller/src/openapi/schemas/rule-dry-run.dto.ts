import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { RuleBasedPlacementPolicyDto } from '@drove/domain';
import {
  RuleCallStatus,
  RuleCheckResponse,
  RuleDryRunResult,
  RuleEvalResponse,
} from '../../applications/placement-rule-dry-run';

/** Drove's SchedulingInfo: what a RULE_BASED rule reads about the executor being considered. */
export class SchedulingInfoDto {
  executorNodeId?: string;
  /** The candidate executor's metadata. */
  allocatedExecutorNodeMetadata?: Record<string, string>;
  /** executorId -> metadata, for the executors already holding instances of the app. */
  allExecutorMetadata?: Record<string, Record<string, string>>;
  /** The spec's `env`. */
  applicationEnvironment?: Record<string, string>;
}

/** Drove's DryRunRuleInfo. */
export class DryRunRuleInfoDto {
  ruleBasedPlacementPolicy!: RuleBasedPlacementPolicyDto;
  schedulingInfo!: SchedulingInfoDto;
}

export class RuleCheckResponseDto implements RuleCheckResponse {
  @ApiProperty({ enum: ['SUCCESS', 'FAILURE'] })
  status!: RuleCallStatus;
  error?: string;
}

export class RuleEvalResponseDto implements RuleEvalResponse {
  @ApiProperty({ enum: ['SUCCESS', 'FAILURE'] })
  status!: RuleCallStatus;
  result?: boolean;
  error?: string;
}

/** `status` is true when the rule compiled and ran; `evalResult.result` is what it said. */
export class RuleDryRunResultDto implements RuleDryRunResult {
  status!: boolean;
  /** The compile error text when the rule does not compile. */
  @ApiProperty({ oneOf: [{ $ref: getSchemaPath(RuleCheckResponseDto) }, { type: 'string' }] })
  checkResult!: RuleCheckResponseDto | string;
  evalResult!: RuleEvalResponseDto;
}
