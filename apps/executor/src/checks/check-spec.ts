// Drove's CheckSpec and PreShutdownSpec with durations in milliseconds.

export interface HttpCheckMode {
  type: 'HTTP';
  protocol: 'HTTP' | 'HTTPS';
  // Names one of the instance's ports; the check goes to the host port bound to it.
  portName: string;
  path: string;
  verb: 'GET' | 'POST' | 'PUT';
  successCodes: number[];
  payload?: string;
  connectionTimeoutMs?: number;
  insecure?: boolean;
}

export interface CmdCheckMode {
  type: 'CMD';
  command: string;
  // Run the command split on spaces instead of through `sh -c`.
  shellDisabled?: boolean;
}

export type CheckMode = HttpCheckMode | CmdCheckMode;

export interface CheckSpec {
  mode: CheckMode;
  timeoutMs: number;
  intervalMs: number;
  // 1..100
  attempts: number;
  initialDelayMs?: number;
}

export interface PreShutdownSpec {
  hooks: CheckMode[];
  waitBeforeKillMs: number;
}

export type CheckResult = { healthy: true } | { healthy: false; message: string };

export interface Checker {
  // Never rejects: every failure is an unhealthy result with a message.
  check(): Promise<CheckResult>;
}
