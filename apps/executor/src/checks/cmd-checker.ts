import { ContainerRuntime } from '../runtime/container-runtime.port';
import { CheckResult, Checker, CmdCheckMode } from './check-spec';

export function commandArgv(mode: CmdCheckMode): string[] {
  return mode.shellDisabled ? mode.command.split(' ').filter(Boolean) : ['sh', '-c', mode.command];
}

// Drove's CMD check: the command run inside the container, healthy iff it exits 0. Drove applies no timeout to
// CMD checks, so a hung command stalls the instance forever; here the check's timeout bounds it.
export class CmdChecker implements Checker {
  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly containerId: string,
    private readonly mode: CmdCheckMode,
    private readonly timeoutMs: number,
  ) {}

  async check(): Promise<CheckResult> {
    try {
      const result = await this.runtime.exec(this.containerId, commandArgv(this.mode), {
        timeoutMs: this.timeoutMs,
      });
      if (result.exitCode === 0) return { healthy: true };
      return {
        healthy: false,
        message: `Command exited with status ${result.exitCode}: ${result.output.trim().slice(0, 512)}`,
      };
    } catch (err) {
      return { healthy: false, message: (err as Error).message };
    }
  }
}
