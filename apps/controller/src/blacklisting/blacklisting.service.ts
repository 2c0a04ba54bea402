import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import {
  CLUSTER_STREAM,
  Clock,
  ClusterOpSpecDto,
  DEFAULT_CLUSTER_OP_SPEC,
  ExecutorCommand,
  IdGenerator,
  clusterDecider,
  executorDecider,
  executorStream,
  requestHeader,
} from '@drove/domain';
import { MaintenanceWindow } from '../cqrs/maintenance-window';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { CLOCK, ID_GENERATOR } from '../event-store/event-store.tokens';
import { ExecutorRegistry } from '../executors/executor-registry';
import { ApiResponse, failure, success } from '../http/api-response';
import { EXECUTOR_MESSENGER, ExecutorMessenger } from '../messaging/executor-messenger';
import { BLACKLIST_TEXTS, BlacklistOperationResponse, rejected } from './blacklist-operation-response';
import { ExecutorEvacuation } from './executor-evacuation';
import { INTERNAL_OP_SPEC } from '../cluster-options/cluster-options.tokens';

export const MAINTENANCE_FAILURE = 'Cluster is in maintenance mode';

type Message = 'BLACKLIST_REQUESTED' | 'UNBLACKLIST';

/**
 * Drove's BlacklistingManager, on the log: one blacklist or unblacklist request at a time. Each executor gets its
 * message first and, once it ACCEPTED, the decision is recorded (so the log never claims what the executor was
 * not told). Blacklisting then answers at once: the decision in the log already keeps the scheduler away, and
 * ExecutorEvacuation moves the instances and sends BLACKLIST in the background.
 */
@Injectable()
export class BlacklistingService {
  private readonly logger = new Logger('Blacklisting');
  private busy = false;

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly registry: ExecutorRegistry,
    private readonly evacuation: ExecutorEvacuation,
    private readonly maintenance: MaintenanceWindow,
    @Inject(EXECUTOR_MESSENGER) private readonly messenger: ExecutorMessenger,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Optional()
    @Inject(INTERNAL_OP_SPEC)
    private readonly internalOpSpec: ClusterOpSpecDto = DEFAULT_CLUSTER_OP_SPEC,
  ) {}

  blacklist(ids: string[], actor: string): Promise<ApiResponse<BlacklistOperationResponse>> {
    return this.exclusive(ids, async () => {
      const successful: string[] = [];
      for (const executorId of ids) {
        const done = await this.tell(executorId, 'BLACKLIST_REQUESTED', actor);
        if (done) {
          successful.push(executorId);
          this.evacuation.requested(executorId);
        }
      }
      if (successful.length === 0) return rejected(ids, BLACKLIST_TEXTS.noneSent);
      const { parallelism, timeout } = this.internalOpSpec;
      const rounds = Math.max(1, Math.floor(this.evacuation.healthyOn(successful) / parallelism));
      return {
        successful,
        failed: ids.filter((id) => !successful.includes(id)),
        approxCompletionTimeMs: timeout.toMillis() * rounds,
        message: BLACKLIST_TEXTS.scheduled,
      };
    });
  }

  unblacklist(ids: string[], actor: string): Promise<ApiResponse<BlacklistOperationResponse>> {
    return this.exclusive(ids, async () => {
      const successful: string[] = [];
      for (const executorId of ids) {
        if (!(await this.tell(executorId, 'UNBLACKLIST', actor))) continue;
        successful.push(executorId);
        this.evacuation.unblacklisted(executorId);
      }
      const failed = ids.filter((id) => !successful.includes(id));
      const message =
        failed.length === 0 ? BLACKLIST_TEXTS.unblacklistedAll : BLACKLIST_TEXTS.unblacklistedSome;
      return { successful, failed, approxCompletionTimeMs: 0, message };
    });
  }

  private async exclusive(
    ids: string[],
    work: () => Promise<BlacklistOperationResponse>,
  ): Promise<ApiResponse<BlacklistOperationResponse>> {
    const cluster = await this.pipeline.load(clusterDecider, CLUSTER_STREAM);
    if (this.maintenance.covers(cluster.state, this.clock.now())) return failure(MAINTENANCE_FAILURE);
    if (this.busy) return success(rejected(ids, BLACKLIST_TEXTS.busy));
    this.busy = true;
    try {
      return success(await this.evacuation.during(work));
    } finally {
      this.busy = false;
    }
  }

  /** Sends the message and records the decision it stands for; false if the executor is unknown or refused. */
  private async tell(executorId: string, type: Message, actor: string): Promise<boolean> {
    const { state } = await this.pipeline.load(executorDecider, executorStream(executorId));
    const address = this.registry.address(executorId);
    if (!address) {
      this.logger.warn(`${type} ${executorId}: no such live executor`);
      return false;
    }
    // an already blacklisted executor is skipped, as in Drove; a request already recorded is sent again
    if (type === 'BLACKLIST_REQUESTED' && state.blacklist === 'BLACKLISTED') return true;
    const sent = await this.messenger.send(address, {
      type,
      header: requestHeader('CONTROLLER', this.ids, this.clock),
      address,
    });
    if (sent.status !== 'ACCEPTED') {
      this.logger.warn(`${type} ${executorId} not accepted: ${sent.error ?? sent.status}`);
      return false;
    }
    const at = this.clock.now();
    const command: ExecutorCommand =
      type === 'UNBLACKLIST'
        ? { type: 'UnblacklistExecutor', executorId, at }
        : { type: 'RequestExecutorBlacklist', executorId, at };
    const outcome = await this.pipeline.execute(executorDecider, executorStream(executorId), command, {
      actor,
    });
    if (!outcome.ok) this.logger.warn(`${type} ${executorId}: ${outcome.error.messages.join(', ')}`);
    return outcome.ok;
  }
}
