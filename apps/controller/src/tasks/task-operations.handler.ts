import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  Clock,
  ClusterOpSpecDto,
  DEFAULT_CLUSTER_OP_SPEC,
  DEFAULT_SPEC_VALIDATION_OPTIONS,
  SpecValidationOptions,
  IdGenerator,
  TaskSpecDto,
  TaskSpecJson,
  fixedClock,
  parseTaskOperation,
  parseTaskSpec,
  taskCommandOf,
  taskDecider,
  taskStream,
  toWire,
  validateTaskSpec,
} from '@drove/domain';
import { INTERNAL_OP_SPEC, SPEC_VALIDATION_OPTIONS } from '../cluster-options/cluster-options.tokens';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { MaintenanceWindow } from '../cqrs/maintenance-window';
import { parseFailure } from '../cqrs/operation-gates';
import { CLOCK, ID_GENERATOR } from '../event-store/event-store.tokens';
import { ExecutorRegistry } from '../executors/executor-registry';
import { CommandValidationError } from '../http/drove-errors';
import { LIMITS, LimitsConfig } from '../limits/limits.config';
import { refuseOverLimits } from '../limits/spec-limits';
import { ClusterViewService } from '../projections/cluster-view.service';

/**
 * POST /tasks/operations and /tasks/validate/spec: parse (Drove's texts), refuse in the maintenance window, check
 * a CREATE's spec and that the cluster could run one instance of it, run the command through the pipeline. Any
 * refusal is a 400 with nothing stored. The task saga carries out what is recorded.
 */
@Injectable()
export class TaskOperationsHandler {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly clusterView: ClusterViewService,
    private readonly maintenance: MaintenanceWindow,
    private readonly registry: ExecutorRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Optional() @Inject(LIMITS) private readonly limits: LimitsConfig = new LimitsConfig(),
    @Optional()
    @Inject(SPEC_VALIDATION_OPTIONS)
    private readonly specOptions: SpecValidationOptions = DEFAULT_SPEC_VALIDATION_OPTIONS,
    @Optional()
    @Inject(INTERNAL_OP_SPEC)
    private readonly defaultOpSpec: ClusterOpSpecDto = DEFAULT_CLUSTER_OP_SPEC,
  ) {}

  async handle(body: unknown, actor: string): Promise<{ taskId: string }> {
    const parsed = parseTaskOperation(body);
    if (!parsed.ok) throw parseFailure(parsed);
    const op = parsed.value;
    const now = this.clock.now();
    await this.maintenance.refuseOperations(now);
    if (op.type === 'CREATE') this.check(op.spec);
    const { taskId, command } = taskCommandOf(op, this.ids, fixedClock(now), this.defaultOpSpec);
    const target = op.type === 'CREATE' ? (toWire(op.spec) as TaskSpecJson) : op;
    const stream = taskStream(target.sourceAppName, target.taskId);
    const outcome = await this.pipeline.execute(taskDecider, stream, command, { actor });
    if (!outcome.ok) throw new CommandValidationError(outcome.error.messages);
    const last = outcome.positions[outcome.positions.length - 1];
    if (last !== undefined) await this.clusterView.reached(last);
    return { taskId };
  }

  async validateSpec(body: unknown): Promise<void> {
    const parsed = parseTaskSpec(body);
    if (!parsed.ok) throw parseFailure(parsed);
    await this.maintenance.refuseOperations(this.clock.now());
    this.check(parsed.value);
  }

  /**
   * The configured size limits, then Drove's TaskEngine#validateTaskSpec: the spec's own checks, then room for
   * one instance on the cluster.
   */
  private check(dto: TaskSpecDto): void {
    const spec = toWire(dto) as TaskSpecJson;
    refuseOverLimits(spec, this.limits);
    const errors = validateTaskSpec(dto, this.specOptions);
    if (errors.length > 0) throw new CommandValidationError(errors);
    const shortage = this.registry.scheduler.admit({
      kind: 'TASK',
      policy: spec.placementPolicy,
      resources: spec.resources,
      instances: 1,
    });
    if (shortage) throw new CommandValidationError([shortage]);
  }
}
