import { ApiProperty } from '@nestjs/swagger';
import { ExecutorState, InstanceState } from '@drove/domain';
import { StoredEvent } from '@drove/events';
import { AuditPage } from '../../audit/audit-events';
import { VerifyReport } from '../../audit/audit.controller';
import {
  ClusterAt,
  HistoricExecutor,
  HistoricInstance,
  HistoricServiceInstance,
} from '../../audit/cluster-history';
import { LocalServiceSummaryDto } from './local-service.dto';
import { AppSummaryDto } from './app-summary.dto';

/** An event as the log stores it: the envelope, its domain event in `data`, and its place in the hash chain. */
export class StoredEventDto implements StoredEvent {
  id!: string;
  /** Past tense, e.g. `ApplicationCreated`. */
  type!: string;
  schemaVersion!: number;
  stream!: string;
  streamVersion!: number;
  /** 1-based, gap-free across the whole log. */
  position!: number;
  /** Epoch ms. */
  time!: number;
  /** A user name, `system`, or `executor:<id>`. */
  actor!: string;
  @ApiProperty({ type: 'string', nullable: true })
  correlationId!: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  causationId!: string | null;
  /** The domain event; its shape depends on `type`. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: unknown;
  prevHash!: string;
  /** sha256 of `prevHash` and the canonical JSON of the event without `hash`. */
  hash!: string;
}

export class AuditPageDto implements AuditPage {
  events!: StoredEventDto[];
  /** Pass as `after` for the next page: the last position examined. */
  next!: number;
  /** The log's last position when the scan ended. */
  head!: number;
}

export class VerifyReportDto implements VerifyReport {
  ok!: boolean;
  checked!: number;
  /** First position whose hash, link or place in the log is wrong. */
  brokenAt?: number;
  reason?: string;
  from!: number;
  to!: number;
}

export class HistoricInstanceDto implements HistoricInstance {
  instanceId!: string;
  appId!: string;
  executorId?: string;
  state?: InstanceState;
  created?: number;
  updated?: number;
}

export class HistoricServiceInstanceDto implements HistoricServiceInstance {
  instanceId!: string;
  serviceId!: string;
  executorId?: string;
  state?: InstanceState;
  created?: number;
  updated?: number;
}

export class HistoricExecutorDto implements HistoricExecutor {
  executorId!: string;
  hostname?: string;
  port?: number;
  state?: ExecutorState;
  updated?: number;
}

/** The cluster as the log had it at `at`. */
export class ClusterAtDto implements ClusterAt {
  at!: number;
  /** Last position folded (0: nothing had happened yet). */
  position!: number;
  /** Time of that event, 0 when none. */
  time!: number;
  maintenance!: boolean;
  applications!: AppSummaryDto[];
  instances!: HistoricInstanceDto[];
  localServices!: LocalServiceSummaryDto[];
  serviceInstances!: HistoricServiceInstanceDto[];
  executors!: HistoricExecutorDto[];
}
