import { execFile } from 'node:child_process';

/**
 * Runs the reload command (e.g. `nginx -s reload`). Reloads asked for while one runs are folded into one more
 * run after it, so a burst of changes costs at most two reloads.
 */
export class NginxReloader {
  private running: Promise<void> | undefined;
  private again = false;
  /** Reload commands run so far. */
  reloads = 0;

  constructor(
    private readonly command: readonly string[],
    private readonly log: (message: string) => void,
  ) {}

  async reload(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run();
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      await this.once();
    } while (this.again);
  }

  private once(): Promise<void> {
    const [file, ...args] = this.command;
    return new Promise((resolve) => {
      execFile(file, args, { timeout: 30_000 }, (error, _stdout, stderr) => {
        this.reloads += 1;
        if (error) this.log(`reload (${this.command.join(' ')}) failed: ${stderr.trim() || error.message}`);
        resolve();
      });
    });
  }
}
