import { DynamicModule, Logger, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditController } from './audit.controller';
import { AuditDenialsHook } from './audit-denials.hook';
import { AUDIT_LOG, AuditLog, FileAuditLog, NO_AUDIT_LOG } from './audit-log';
import { AuditLogConfig } from './audit-log.config';
import { AuditWritesInterceptor } from './audit-writes.interceptor';
import { HistoryController } from './history.controller';
import { HistorySnapshotWarmer } from './history-snapshot-warmer';
import { EventStore } from '@drove/events';
import { EVENT_STORE } from '../event-store/event-store.tokens';
import { FENCE, Fence } from '../event-store/fence';

function auditLogOf(config: AuditLogConfig): AuditLog {
  if (!config.enabled) return NO_AUDIT_LOG;
  const logger = new Logger('Audit');
  logger.log(`audit log: ${config.logFile}`);
  return new FileAuditLog(config.logFile, (err) =>
    logger.error(`audit log ${config.logFile}: ${err instanceof Error ? err.message : String(err)}`),
  );
}

/**
 * `/apis/v2/audit/*` and `/apis/v2/history/*`, read from the log, and the audit file (accepted writes, denied
 * requests). Needs CqrsModule and HttpEdgeModule.
 */
@Module({})
export class AuditModule {
  static register(config: AuditLogConfig = new AuditLogConfig()): DynamicModule {
    return {
      module: AuditModule,
      controllers: [AuditController, HistoryController],
      providers: [
        { provide: AUDIT_LOG, useValue: auditLogOf(config) },
        { provide: APP_INTERCEPTOR, useClass: AuditWritesInterceptor },
        AuditDenialsHook,
        {
          provide: HistorySnapshotWarmer,
          useFactory: (store: EventStore, fence: Fence) => new HistorySnapshotWarmer(store, fence),
          inject: [EVENT_STORE, FENCE],
        },
      ],
      exports: [AUDIT_LOG],
    };
  }
}
