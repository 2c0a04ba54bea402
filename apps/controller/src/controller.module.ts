import { AppSupportModule } from './app-support/app-support.module';
import { BlacklistingModule } from './blacklisting/blacklisting.module';
import { DynamicModule, Module } from '@nestjs/common';
import { EventStore } from '@drove/events';
import { LocalServicesModule } from './local-services/local-services.module';
import { ApplicationsModule } from './applications/applications.module';
import { AuditModule } from './audit/audit.module';
import { AuditLogConfig } from './audit/audit-log.config';
import { AuthSettings } from './auth/auth-settings';
import { ClusterModule } from './cluster/cluster.module';
import { ClusterOptionsModule } from './cluster-options/cluster-options.module';
import { ClusterOptionsSettings } from './cluster-options/cluster-options.tokens';
import { CqrsModule } from './cqrs/cqrs.module';
import { electionFence } from './event-store/fence';
import { EndpointsModule } from './endpoints/endpoints.module';
import { EventsFeedModule } from './events-feed/events-feed.module';
import { EventsFeedConfigModule } from './events-feed/events-feed-config.module';
import { EventsFeedConfig } from './events-feed/events-feed.config';
import { EventStreamConfig } from './event-stream/event-stream.config';
import { EventStreamModule } from './event-stream/event-stream.module';
import { ExecutionModule, StalenessSettings } from './executors/execution.module';
import { TasksModule } from './tasks/tasks.module';
import { MetricsModule } from './metrics/metrics.module';
import { HttpEdgeModule } from './http/http-edge.module';
import { ElectionLeadershipView } from './leadership/election-leadership-view';
import { LeaderElection } from './leadership/leader-election';
import { LeadershipRecordModule } from './leadership/leadership-record.module';
import { LEADERSHIP_VIEW } from './leadership/leadership-view';
import { ExecutorMessenger } from './messaging/executor-messenger';
import { ExecutorCredentials } from './log-files/log-file-proxy';
import { LogFilesModule } from './log-files/log-files.module';
import { StartBackoffSettings } from './sagas/start-backoff';
import { RetentionModule } from './retention/retention.module';
import { RetentionOptions } from './retention/retention.config';
import { SnapshotsModule } from './snapshots/snapshots.module';
import { ViewSnapshotConfig } from './snapshots/view-snapshot.config';
import { LimitsConfig } from './limits/limits.config';
import { LimitsModule } from './limits/limits.module';
import { UiModule } from './ui/ui.module';

export interface ControllerModuleOptions {
  election: LeaderElection;
  store: EventStore;
  auth: AuthSettings;
  hostname: string;
  messenger: ExecutorMessenger;
  /** The app monitor's period, the maintenance grace (Drove's 30 s and 40 s unless given), the start back-off. */
  timings?: { appMonitorIntervalMs: number; maintenanceGraceMs: number; startBackoff: StartBackoffSettings };
  executorCredentials: ExecutorCredentials;
  audit?: AuditLogConfig;
  snapshots?: ViewSnapshotConfig;
  retention?: RetentionOptions;
  limits?: LimitsConfig;
  eventStream?: EventStreamConfig;
  eventsFeed?: EventsFeedConfig;
  /** Drove's 60 s instance staleness and 45 s staleExecutorAge unless given. */
  staleness?: StalenessSettings;
  /** Drove's spec rules (allowedMountDirs...) and internal operation spec (clusterOp*); Drove's defaults unless given. */
  clusterOptions?: ClusterOptionsSettings;
}

@Module({})
export class ControllerModule {
  static create(options: ControllerModuleOptions): DynamicModule {
    const { election, store, auth, hostname, messenger, audit } = options;
    return {
      module: ControllerModule,
      imports: [
        HttpEdgeModule.withLeadership(
          { provide: LEADERSHIP_VIEW, useValue: new ElectionLeadershipView(election) },
          auth,
        ),
        CqrsModule.register({
          store,
          fence: electionFence(election),
          hostname,
          maintenanceGraceMs: options.timings?.maintenanceGraceMs,
        }),
        ApplicationsModule,
        LocalServicesModule,
        AppSupportModule,
        ClusterModule,
        ExecutionModule.register(
          messenger,
          true,
          options.timings?.appMonitorIntervalMs,
          options.timings?.startBackoff,
          undefined,
          options.staleness,
        ),
        EndpointsModule,
        EventsFeedConfigModule.register(options.eventsFeed),
        EventsFeedModule,
        EventStreamModule.register(options.eventStream),
        TasksModule,
        BlacklistingModule,
        LeadershipRecordModule,
        LogFilesModule.register(options.executorCredentials),
        AuditModule.register(audit),
        MetricsModule,
        SnapshotsModule.register(options.snapshots),
        RetentionModule.register(options.retention),
        LimitsModule.register(options.limits),
        ClusterOptionsModule.register(options.clusterOptions),
        UiModule,
      ],
    };
  }
}
