import { IsInt, Max, Min } from 'class-validator';

/**
 * `snapshots:` in the controller YAML: how often the leader saves the cluster view, so that a controller starting
 * (or taking over) replays only the log after it. Whichever comes first: `everyEvents` new events, or
 * `everySeconds` since the last save when at least one event came.
 */
export class ViewSnapshotConfig {
  @IsInt()
  @Min(100)
  @Max(10_000_000)
  everyEvents = 10_000;

  @IsInt()
  @Min(1)
  @Max(86_400)
  everySeconds = 300;
}
