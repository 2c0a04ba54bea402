import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock } from '@drove/domain';
import { EventStore } from '@drove/events';
import { Fence } from '../event-store/fence';
import { ControllerMetrics } from '../metrics/controller-metrics';
import { ClusterViewService } from '../projections/cluster-view.service';
import { ViewSnapshotConfig } from './view-snapshot.config';
import { saveViewSnapshot } from './view-snapshots';

const TICK_MS = 1000;

/**
 * The leader saves the served cluster view every `everyEvents` events or `everySeconds` (when something
 * happened). Only the leader writes: followers hold the same view, and one writer means no two saves race.
 */
export class ViewSnapshotWriter implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ViewSnapshots');
  private timer: NodeJS.Timeout | undefined;
  /** Position and time of the last save this leadership knows of; undefined while not leading. */
  private saved: { position: number; at: number } | undefined;
  private saving = false;

  constructor(
    private readonly store: EventStore,
    private readonly fence: Fence,
    private readonly clusterView: ClusterViewService,
    private readonly clock: Clock,
    private readonly config: ViewSnapshotConfig,
    private readonly metrics?: ControllerMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** One check: saves when due. Resolves to the position saved, or undefined when nothing was saved. */
  async tick(): Promise<number | undefined> {
    if (this.fence.path() === null) {
      this.saved = undefined;
      return undefined;
    }
    const now = this.clock.now();
    // A new leader counts from the snapshot its view was rebuilt from (the newest one saved).
    this.saved ??= { position: this.clusterView.lastRebuild?.snapshotPosition ?? 0, at: now };
    const view = this.clusterView.view;
    const behind = view.position - this.saved.position;
    const due =
      behind >= this.config.everyEvents ||
      (behind > 0 && now - this.saved.at >= this.config.everySeconds * 1000);
    if (!due || this.saving) return undefined;
    this.saving = true;
    try {
      const position = await saveViewSnapshot(this.store, view);
      this.saved = { position, at: now };
      this.metrics?.viewSnapshotSaved();
      this.logger.log(`view snapshot saved at position ${position}`);
      return position;
    } catch (error) {
      this.logger.warn(`view snapshot not saved: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    } finally {
      this.saving = false;
    }
  }
}
