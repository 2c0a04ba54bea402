import { CheckResult, Checker } from './check-spec';

// A checker that answers from a script (true = healthy), repeating its last answer, and counts its calls.
export class ScriptedChecker implements Checker {
  calls = 0;
  readonly callTimes: number[] = [];

  constructor(private readonly script: boolean[]) {}

  async check(): Promise<CheckResult> {
    const healthy = this.script[Math.min(this.calls, this.script.length - 1)] ?? false;
    this.calls++;
    this.callTimes.push(Date.now());
    return healthy ? { healthy: true } : { healthy: false, message: `failure ${this.calls}` };
  }
}
