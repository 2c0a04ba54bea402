import { DynamicModule, Module } from '@nestjs/common';
import { EXECUTOR_MESSENGER, ExecutorMessenger } from '../messaging/executor-messenger';
import { ExecutorReportsHandler } from '../messaging/executor-reports.handler';
import { MessagesController } from '../messaging/messages.controller';
import { ApplicationMonitor, MONITOR_INTERVAL_MS } from '../sagas/application-monitor';
import { InstanceJobs } from '../sagas/instance-jobs';
import { RUN_SAGAS, START_BACKOFF, ApplicationOperationsSaga } from '../sagas/application-operations.saga';
import { LocalServiceInstanceJobs } from '../sagas/local-service-instance-jobs';
import { LOCAL_SERVICE_MONITOR_MS, LocalServiceSaga } from '../sagas/local-service.saga';
import { DEFAULT_START_BACKOFF, StartBackoffSettings } from '../sagas/start-backoff';
import { TaskSaga } from '../sagas/task.saga';
import { TaskReports } from '../tasks/task-reports';
import { ExecutorLogService } from './executor-log.service';
import { ExecutorRegistry } from './executor-registry';
import { ExecutorsController } from './executors.controller';
import { KnownInstancesController } from './known-instances.controller';
import { DEFAULT_INSTANCE_STALENESS_MS, INSTANCE_STALENESS_MS } from './instance-heard-of';
import { STALE_EXECUTOR_AGE_MS, StaleExecutorSweeper } from './stale-executor-sweeper';
import { StaleInstances } from '../sagas/stale-instances';

/** Drove's staleness rules (60 s for instances, `staleExecutorAge` 45 s for executors). */
export interface StalenessSettings {
  instanceStalenessMs: number;
  staleExecutorAgeMs: number;
}

export const DEFAULT_STALENESS: StalenessSettings = {
  instanceStalenessMs: DEFAULT_INSTANCE_STALENESS_MS,
  staleExecutorAgeMs: 45_000,
};

/**
 * Executors (registry, log, API), their messages both ways, the operation sagas (apps, tasks, local services)
 * and the monitor. Needs CqrsModule.
 * Global: read-side slices (endpoints, cluster summary) need the registry.
 */
@Module({})
export class ExecutionModule {
  /** `runSagas: false` leaves operations to the caller (tests of the API alone play the saga's part). */
  static register(
    messenger: ExecutorMessenger,
    runSagas = true,
    monitorIntervalMs = 30_000,
    startBackoff: StartBackoffSettings = DEFAULT_START_BACKOFF,
    localServiceMonitorMs = 5_000,
    staleness: StalenessSettings = DEFAULT_STALENESS,
  ): DynamicModule {
    return {
      module: ExecutionModule,
      global: true,
      providers: [
        { provide: EXECUTOR_MESSENGER, useValue: messenger },
        { provide: RUN_SAGAS, useValue: runSagas },
        { provide: MONITOR_INTERVAL_MS, useValue: monitorIntervalMs },
        { provide: START_BACKOFF, useValue: startBackoff },
        { provide: LOCAL_SERVICE_MONITOR_MS, useValue: localServiceMonitorMs },
        { provide: INSTANCE_STALENESS_MS, useValue: staleness.instanceStalenessMs },
        { provide: STALE_EXECUTOR_AGE_MS, useValue: staleness.staleExecutorAgeMs },
        ExecutorRegistry,
        StaleExecutorSweeper,
        StaleInstances,
        ExecutorLogService,
        ExecutorReportsHandler,
        InstanceJobs,
        ApplicationOperationsSaga,
        ApplicationMonitor,
        TaskSaga,
        LocalServiceInstanceJobs,
        LocalServiceSaga,
        TaskReports,
      ],
      controllers: [ExecutorsController, KnownInstancesController, MessagesController],
      exports: [
        ExecutorRegistry,
        ExecutorReportsHandler,
        EXECUTOR_MESSENGER,
        RUN_SAGAS,
        INSTANCE_STALENESS_MS,
      ],
    };
  }
}
