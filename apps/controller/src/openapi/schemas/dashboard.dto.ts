import { ApiProperty } from '@nestjs/swagger';
import {
  ACTIVATION_STATES,
  APPLICATION_STATES,
  ActivationState,
  ApplicationState,
  EXECUTOR_STATES,
  ExecutorState,
  LOCAL_SERVICE_STATES,
  LocalServiceState,
  TASK_STATES,
  TaskState,
} from '@drove/domain';
import { DashboardData, UtilizationStats } from '../../cluster/dashboard-data';
import { AppSummaryDto } from './app-summary.dto';
import { ClusterSummaryDto } from './cluster.dto';
import { LocalServiceSummaryDto } from './local-service.dto';
import { TaskInfoDto } from './task-info.dto';

/**
 * A count for every one of `states` (zero included). Wrapped in allOf because ApiProperty's own `required` says
 * whether the property itself is required.
 */
const CountsOf = (states: readonly string[]): PropertyDecorator =>
  ApiProperty({
    required: true,
    allOf: [
      {
        type: 'object',
        properties: Object.fromEntries(states.map((s) => [s, { type: 'integer' }])),
        required: [...states],
      },
    ],
  });

export class AppStatsDto {
  @CountsOf(APPLICATION_STATES)
  appCountByState!: Record<ApplicationState, number>;
  /** The five apps with the largest share of the cluster. */
  topApps!: AppSummaryDto[];
  totalHealthyInstances!: number;
}

export class TaskStatsDto {
  @CountsOf(TASK_STATES)
  taskCountByState!: Record<TaskState, number>;
  /** The five longest-running tasks. */
  topTasks!: TaskInfoDto[];
}

export class ServiceStatsDto {
  @CountsOf(LOCAL_SERVICE_STATES)
  serviceCountByState!: Record<LocalServiceState, number>;
  @CountsOf(ACTIVATION_STATES)
  serviceCountByActivationState!: Record<ActivationState, number>;
  /** The five heaviest resource-using services, by their larger share of the cluster's CPU or memory. */
  topServices!: LocalServiceSummaryDto[];
  totalHealthyInstances!: number;
}

export class UtilizationStatsDto implements UtilizationStats {
  averageUtilization!: number;
  highestUtilization!: number;
  lowestUtilization!: number;
  /** Coefficient of variation of the executors' utilizations: 0 is perfectly balanced. */
  balanceScore!: number;
}

export class ExecutorStatsDto {
  @CountsOf(EXECUTOR_STATES)
  executorCountByState!: Record<ExecutorState, number>;
  utilization!: UtilizationStatsDto;
}

/** Drove's DashboardData, computed per call. */
export class DashboardDataDto implements DashboardData {
  clusterSummary!: ClusterSummaryDto;
  appStats!: AppStatsDto;
  taskStats!: TaskStatsDto;
  serviceStats!: ServiceStatsDto;
  executorStats!: ExecutorStatsDto;
  /** Epoch ms. */
  generatedAt!: number;
}
