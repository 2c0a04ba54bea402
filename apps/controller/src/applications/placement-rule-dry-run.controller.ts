import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiTags } from '@nestjs/swagger';
import { Clock } from '@drove/domain';
import { RuleCompiler } from '@drove/scheduler';
import { MaintenanceWindow } from '../cqrs/maintenance-window';
import { CLOCK } from '../event-store/event-store.tokens';
import { ApiResponse, success } from '../http/api-response';
import { ApiEnvelope } from '../openapi/api-envelope';
import {
  DryRunRuleInfoDto,
  RuleCheckResponseDto,
  RuleDryRunResultDto,
} from '../openapi/schemas/rule-dry-run.dto';
import { RuleDryRunResult, dryRunRule, parseDryRunRuleInfo } from './placement-rule-dry-run';

/** Tries a RULE_BASED placement rule on a scheduling input a user gives, before putting it in a spec. */
@ApiTags('applications')
@Controller('apis/v1/applications/placementpolicy/rule')
export class PlacementRuleDryRunController {
  private readonly compiler = new RuleCompiler();

  constructor(
    private readonly maintenance: MaintenanceWindow,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('dryrun')
  @HttpCode(200)
  @ApiExtraModels(RuleCheckResponseDto)
  @ApiBody({ type: DryRunRuleInfoDto })
  @ApiEnvelope(RuleDryRunResultDto)
  async dryRun(@Body() body: unknown): Promise<ApiResponse<RuleDryRunResult>> {
    const info = parseDryRunRuleInfo(body);
    await this.maintenance.refuseOperations(this.clock.now());
    return success(dryRunRule(info, this.compiler));
  }
}
