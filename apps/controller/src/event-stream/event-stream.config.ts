import { IsInt, Max, Min } from 'class-validator';

/** `eventStream:` in the controller YAML: `GET /apis/v2/events/stream` (Server-Sent Events). */
export class EventStreamConfig {
  /** A comment line is sent after this long without a message, so proxies and clients see a live connection. */
  @IsInt()
  @Min(100)
  @Max(300_000)
  heartbeatIntervalMs = 15_000;

  /** Sent as SSE `retry:`: how long an EventSource waits before reconnecting. */
  @IsInt()
  @Min(0)
  @Max(60_000)
  retryMs = 1000;

  /**
   * A client whose connection stays full (it stopped reading) this long is dropped; it resumes with Last-Event-ID.
   * Until then it costs only its socket buffer: nothing more is written to it.
   */
  @IsInt()
  @Min(100)
  @Max(600_000)
  stallTimeoutMs = 30_000;
}
