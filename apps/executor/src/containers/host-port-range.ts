// Host ports from a range the executor owns, known before the container is created so that PORT_<n> can be
// set (Drove apps read it). Drove binds ServerSocket(0) and closes it, a race with every process on the host;
// here the executor never hands out one port twice, probes each port before handing it out, and the launcher
// retries with fresh ports when dockerd still finds one taken. Choose a range outside the kernel's ephemeral
// range (net.ipv4.ip_local_port_range) so outgoing connections never collide with it.
export class HostPortRange {
  private readonly inUse = new Set<number>();
  private cursor: number;

  constructor(
    readonly from: number,
    readonly to: number,
    private readonly isFree: (port: number) => Promise<boolean>,
  ) {
    if (!(from > 0 && to <= 65535 && from <= to)) throw new Error(`invalid host port range ${from}-${to}`);
    this.cursor = from;
  }

  // Round-robin from the last port handed out, so a port just released (or found taken) is not reused at once.
  async reserve(count: number): Promise<number[]> {
    const taken: number[] = [];
    const size = this.to - this.from + 1;
    for (let scanned = 0; taken.length < count && scanned < size; scanned++) {
      const port = this.cursor;
      this.cursor = port === this.to ? this.from : port + 1;
      if (this.inUse.has(port)) continue;
      this.inUse.add(port);
      if (await this.isFree(port)) {
        taken.push(port);
      } else {
        this.inUse.delete(port);
      }
    }
    if (taken.length < count) {
      this.release(taken);
      throw new Error(`no ${count} free host ports left in ${this.from}-${this.to}`);
    }
    return taken;
  }

  release(ports: number[]): void {
    ports.forEach((p) => this.inUse.delete(p));
  }

  // Ports of containers found running after a restart.
  markInUse(ports: number[]): void {
    ports.filter((p) => p >= this.from && p <= this.to).forEach((p) => this.inUse.add(p));
  }
}
