import { httpCall } from '../containers/http-call';
import { CheckResult, Checker, HttpCheckMode } from './check-spec';

const DEFAULT_CONNECTION_TIMEOUT_MS = 1000;

// Drove's HTTP check: <protocol>://localhost:<host port of portName><path>; healthy iff the status is one of
// successCodes within connectionTimeout + the check's timeout.
export class HttpChecker implements Checker {
  constructor(
    private readonly mode: HttpCheckMode,
    private readonly hostPort: number,
    private readonly timeoutMs: number,
    private readonly host = '127.0.0.1',
  ) {}

  async check(): Promise<CheckResult> {
    try {
      await httpCall({
        protocol: this.mode.protocol,
        hostname: this.host,
        port: this.hostPort,
        path: this.mode.path,
        verb: this.mode.verb,
        payload: this.mode.payload,
        successCodes: this.mode.successCodes,
        connectionTimeoutMs: this.mode.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
        operationTimeoutMs: this.timeoutMs,
        insecure: this.mode.insecure,
      });
      return { healthy: true };
    } catch (err) {
      return { healthy: false, message: (err as Error).message };
    }
  }
}
