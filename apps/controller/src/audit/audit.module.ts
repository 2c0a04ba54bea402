import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { HistoryController } from './history.controller';

/** `/apis/v2/audit/*` and `/apis/v2/history/*`, read from the log. Needs CqrsModule. */
@Module({ controllers: [AuditController, HistoryController] })
export class AuditModule {}
