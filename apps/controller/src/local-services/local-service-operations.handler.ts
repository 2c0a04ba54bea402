import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  Clock,
  fixedClock,
  localServiceCommandOf,
  localServiceDecider,
  localServiceStream,
  parseLocalServiceOperation,
  parseLocalServiceSpec,
  validateLocalServiceSpec,
} from '@drove/domain';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { parseFailure, refuseInMaintenance } from '../cqrs/operation-gates';
import { CLOCK } from '../event-store/event-store.tokens';
import { failure } from '../http/api-response';
import { CommandValidationError } from '../http/drove-errors';
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
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(body: unknown, actor: string): Promise<{ serviceId: string }> {
    const parsed = parseLocalServiceOperation(body);
    if (!parsed.ok) throw parseFailure(parsed);
    const op = parsed.value;
    const now = this.clock.now();
    await refuseInMaintenance(this.pipeline, now);
    const errors =
      op.type === 'CREATE'
        ? validateLocalServiceSpec(op.spec)
        : localServiceOperationErrors(op, this.clusterView.view);
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
    await refuseInMaintenance(this.pipeline, this.clock.now());
    const errors = validateLocalServiceSpec(parsed.value);
    if (errors.length > 0) throw new CommandValidationError(errors);
  }

  /** Read-your-writes: a client listing services right after an operation sees it. */
  private async reached(positions: number[]): Promise<void> {
    const last = positions[positions.length - 1];
    if (last !== undefined) await this.clusterView.reached(last);
  }
}
