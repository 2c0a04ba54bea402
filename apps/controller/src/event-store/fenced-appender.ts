import { Inject, Injectable } from '@nestjs/common';
import { AppendResult, EventStore, ExpectedVersion, FencedError, NewEvent } from '@drove/events';
import { NotLeaderError } from '../http/drove-errors';
import { ControllerMetrics } from '../metrics/controller-metrics';
import { EVENT_STORE } from './event-store.tokens';
import { FENCE, Fence } from './fence';

/**
 * The only way the controller writes to the log: every append carries the leader znode as its fence, so a
 * controller that is not (or no longer) leader cannot write, even if it still believes it leads.
 */
@Injectable()
export class FencedAppender {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(FENCE) private readonly fence: Fence,
    private readonly metrics: ControllerMetrics = new ControllerMetrics(),
  ) {}

  async append(stream: string, expected: ExpectedVersion, events: NewEvent[]): Promise<AppendResult> {
    const fence = this.fence.path();
    if (fence === null) throw new NotLeaderError(null);
    try {
      return await this.metrics.timeAppend(events.length, () =>
        this.store.append(stream, expected, events, { fence }),
      );
    } catch (error) {
      if (error instanceof FencedError) throw new NotLeaderError(null);
      throw error;
    }
  }
}
