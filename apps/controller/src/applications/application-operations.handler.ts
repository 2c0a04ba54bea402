import { HttpException, HttpStatus, Inject, Injectable, Optional } from '@nestjs/common';
import {
  Clock,
  ClusterOpSpecDto,
  DEFAULT_CLUSTER_OP_SPEC,
  DEFAULT_SPEC_VALIDATION_OPTIONS,
  SpecValidationOptions,
  applicationCommandOf,
  applicationDecider,
  applicationStream,
  fixedClock,
  parseApplicationOperation,
  parseApplicationSpec,
  toWire,
  validateApplicationSpec,
} from '@drove/domain';
import { INTERNAL_OP_SPEC, SPEC_VALIDATION_OPTIONS } from '../cluster-options/cluster-options.tokens';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { MaintenanceWindow } from '../cqrs/maintenance-window';
import { parseFailure } from '../cqrs/operation-gates';
import { CLOCK } from '../event-store/event-store.tokens';
import { failure } from '../http/api-response';
import { CommandValidationError } from '../http/drove-errors';
import { LIMITS, LimitsConfig } from '../limits/limits.config';
import { refuseOverLimits } from '../limits/spec-limits';
import { ClusterViewService } from '../projections/cluster-view.service';
import { activeInstanceIdsOf, healthyInstanceIdsOf } from '../projections/instance-queries';
import { ApplicationAdmission } from './application-admission';

/**
 * POST /applications/operations: parse (Drove's texts), refuse in the maintenance window, validate a CREATE's
 * spec, run the command through the pipeline. Any refusal is a 400 with nothing stored, as in Drove.
 */
@Injectable()
export class ApplicationOperationsHandler {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly clusterView: ClusterViewService,
    private readonly maintenance: MaintenanceWindow,
    private readonly admission: ApplicationAdmission,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(LIMITS) private readonly limits: LimitsConfig = new LimitsConfig(),
    @Optional()
    @Inject(SPEC_VALIDATION_OPTIONS)
    private readonly specOptions: SpecValidationOptions = DEFAULT_SPEC_VALIDATION_OPTIONS,
    @Optional()
    @Inject(INTERNAL_OP_SPEC)
    private readonly defaultOpSpec: ClusterOpSpecDto = DEFAULT_CLUSTER_OP_SPEC,
  ) {}

  async handle(body: unknown, actor: string): Promise<{ appId: string }> {
    const parsed = parseApplicationOperation(body);
    if (!parsed.ok) throw parseFailure(parsed);
    const op = parsed.value;
    const now = this.clock.now();
    await this.maintenance.refuseOperations(now);
    if (op.type === 'CREATE') this.check(op.spec);
    const { appId, command } = applicationCommandOf(
      op,
      this.instancesView(op),
      fixedClock(now),
      this.defaultOpSpec,
    );
    const outcome = await this.pipeline.execute(applicationDecider, applicationStream(appId), command, {
      actor,
      guard: () => this.admission.shortage(op),
    });
    if (!outcome.ok) throw new CommandValidationError(outcome.error.messages);
    // Read-your-writes: a client listing apps right after CREATE (as drove-cli does) finds it.
    await this.reached(outcome.positions);
    return { appId };
  }

  /** Not maintenance-gated, as in Drove; a refusal is Drove's bare 400 without validationErrors. */
  async cancel(appId: string, actor: string): Promise<void> {
    const outcome = await this.pipeline.execute(
      applicationDecider,
      applicationStream(appId),
      { type: 'CancelApplicationOperation', appId, at: this.clock.now() },
      { actor },
    );
    if (!outcome.ok) {
      throw new HttpException(failure(outcome.error.messages.join(', ')), HttpStatus.BAD_REQUEST);
    }
    await this.reached(outcome.positions);
  }

  /** `POST /applications/validate/spec`: Drove's checks of a spec, nothing stored; maintenance-gated as in Drove. */
  async validateSpec(body: unknown): Promise<void> {
    const parsed = parseApplicationSpec(body);
    if (!parsed.ok) throw parseFailure(parsed);
    await this.maintenance.refuseOperations(this.clock.now());
    this.check(parsed.value);
  }

  /** The configured size limits, then Drove's checks of the spec under the configured options. */
  private check(spec: Parameters<typeof validateApplicationSpec>[0]): void {
    refuseOverLimits(toWire(spec) as object, this.limits);
    const errors = validateApplicationSpec(spec, this.specOptions);
    if (errors.length > 0) throw new CommandValidationError(errors);
  }

  /** What START/STOP/REPLACE are checked against: the app's instances in the cluster view. */
  private instancesView(op: { type: string; appId?: string }) {
    const view = this.clusterView.view;
    const appId = op.appId ?? '';
    return {
      healthyInstanceIds: healthyInstanceIdsOf(view, appId),
      activeInstanceIds: activeInstanceIdsOf(view, appId),
    };
  }

  private async reached(positions: number[]): Promise<void> {
    const last = positions[positions.length - 1];
    if (last !== undefined) await this.clusterView.reached(last);
  }
}
