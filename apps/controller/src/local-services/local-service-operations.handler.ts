import { HttpException, HttpStatus, Inject, Injectable, Optional } from '@nestjs/common';
import {
  Clock,
  DEFAULT_SPEC_VALIDATION_OPTIONS,
  SpecValidationOptions,
  fixedClock,
  localServiceCommandOf,
  localServiceDecider,
  localServiceStream,
  parseLocalServiceOperation,
  parseLocalServiceSpec,
  toWire,
  validateLocalServiceSpec,
} from '@drove/domain';
import { SPEC_VALIDATION_OPTIONS } from '../cluster-options/cluster-options.tokens';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { MaintenanceWindow } from '../cqrs/maintenance-window';
import { parseFailure } from '../cqrs/operation-gates';
import { CLOCK } from '../event-store/event-store.tokens';
import { failure } from '../http/api-response';
import { CommandValidationError } from '../http/drove-errors';
import { LIMITS, LimitsConfig } from '../limits/limits.config';
import { refuseOverLimits } from '../limits/spec-limits';
import { ClusterViewService } from '../projections/cluster-view.service';
import { localServiceOperationErrors } from './local-service-operation-checks';

/**
 * POST /localservices/operations: parsed with Drove's texts, refused in the maintenance window, a CREATE's spec
 * validated (a LOCAL placement policy is required), then the local-service decider through the pipeline. Any
 * refusal is a 400 with nothing stored; the saga carries out what is accepted.
 */
@Injectable()
export class LocalServiceOperationsHandler {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly clusterView: ClusterViewService,
    private readonly maintenance: MaintenanceWindow,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(LIMITS) private readonly limits: LimitsConfig = new LimitsConfig(),
    @Optional()
    @Inject(SPEC_VALIDATION_OPTIONS)
    private readonly specOptions: SpecValidationOptions = DEFAULT_SPEC_VALIDATION_OPTIONS,
  ) {}

  async handle(body: unknown, actor: string): Promise<{ serviceId: string }> {
    const parsed = parseLocalServiceOperation(body);
    if (!parsed.ok) throw parseFailure(parsed);
    const op = parsed.value;
    const now = this.clock.now();
    await this.maintenance.refuseOperations(now);
    if (op.type === 'CREATE') this.check(op.spec);
    const errors = localServiceOperationErrors(op, this.clusterView.view);
    if (errors.length > 0) throw new CommandValidationError(errors);
    const { serviceId, command } = localServiceCommandOf(op, fixedClock(now));
    const outcome = await this.pipeline.execute(localServiceDecider, localServiceStream(serviceId), command, {
      actor,
    });
    if (!outcome.ok) throw new CommandValidationError(outcome.error.messages);
    await this.reached(outcome.positions);
    return { serviceId };
  }

  /** Not maintenance-gated, as for apps; a refusal is Drove's bare 400 without validationErrors. */
  async cancel(serviceId: string, actor: string): Promise<void> {
    const outcome = await this.pipeline.execute(
      localServiceDecider,
      localServiceStream(serviceId),
      { type: 'CancelLocalServiceOperation', serviceId, at: this.clock.now() },
      { actor },
    );
    if (!outcome.ok) {
      throw new HttpException(failure(outcome.error.messages.join(', ')), HttpStatus.BAD_REQUEST);
    }
    await this.reached(outcome.positions);
  }

  /** `POST /localservices/validate/spec`: the CREATE checks of a spec, nothing stored; maintenance-gated. */
  async validateSpec(body: unknown): Promise<void> {
    const parsed = parseLocalServiceSpec(body);
    if (!parsed.ok) throw parseFailure(parsed);
    await this.maintenance.refuseOperations(this.clock.now());
    this.check(parsed.value);
  }

  /** The configured size limits, then Drove's checks of the spec under the configured options. */
  private check(spec: Parameters<typeof validateLocalServiceSpec>[0]): void {
    refuseOverLimits(toWire(spec) as object, this.limits);
    const errors = validateLocalServiceSpec(spec, this.specOptions);
    if (errors.length > 0) throw new CommandValidationError(errors);
  }

  /** Read-your-writes: a client listing services right after an operation sees it. */
  private async reached(positions: number[]): Promise<void> {
    const last = positions[positions.length - 1];
    if (last !== undefined) await this.clusterView.reached(last);
  }
}
