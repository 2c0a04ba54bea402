import { Duration } from '../common/duration';
import { DurationField, EnumOf, Integer, Max, Min, NotNull } from './dto-decorators';

export const FAILURE_STRATEGIES = ['STOP', 'ROLLBACK'] as const;
export type FailureStrategy = (typeof FAILURE_STRATEGIES)[number];

export class ClusterOpSpecDto {
  @NotNull()
  @DurationField()
  timeout!: Duration;
  @Integer()
  @Min(1)
  @Max(512)
  parallelism = 0;
  // Required by Drove and unused by it; kept for wire compatibility.
  @NotNull()
  @EnumOf(FAILURE_STRATEGIES, 'FailureStrategy')
  failureStrategy!: FailureStrategy;
}

export const clusterOpSpec = (timeout: Duration, parallelism: number): ClusterOpSpecDto =>
  Object.assign(new ClusterOpSpecDto(), { timeout, parallelism, failureStrategy: 'STOP' });

// The controller's default for internally generated operations (`clusterOpTimeout`, `clusterOpParallelism`).
export const DEFAULT_CLUSTER_OP_SPEC = clusterOpSpec(Duration.of(300, 'seconds'), 1);
