export interface LeaderAddress {
  hostname: string;
  port: number;
  transportType: 'HTTP' | 'HTTPS';
}

export interface ZooKeeperReader {
  children(path: string): Promise<{ name: string; data: Buffer }[]>;
}

function parse(data: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(data.toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function addressOf(node: Record<string, unknown> | undefined): LeaderAddress | undefined {
  if (!node || typeof node.hostname !== 'string' || typeof node.port !== 'number') return undefined;
  return {
    hostname: node.hostname,
    port: node.port,
    transportType: node.transportType === 'HTTPS' ? 'HTTPS' : 'HTTP',
  };
}

// Finds the leading controller in ZooKeeper: first Drove's way (`/<ns>/controller/*` node data with
// `leader: true`), then Drove-TS's election (`/<ns>/leader/c-<seq>`: the lowest sequence leads, its data is
// the candidate's address). The answer is cached for `ttlMs` (Drove re-reads every 5 s) and dropped after a
// failed delivery, so a new leader is found at once.
export class LeaderFinder {
  private cached?: { at: number; leader: LeaderAddress | undefined };

  constructor(
    private readonly zk: ZooKeeperReader,
    private readonly root: string,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = 5000,
  ) {}

  async leader(): Promise<LeaderAddress | undefined> {
    if (this.cached && this.now() - this.cached.at < this.ttlMs) return this.cached.leader;
    const leader = await this.lookup();
    this.cached = { at: this.now(), leader };
    return leader;
  }

  forget(): void {
    this.cached = undefined;
  }

  private async lookup(): Promise<LeaderAddress | undefined> {
    const controllers = await this.zk.children(`${this.root}/controller`);
    const drove = controllers.map((c) => parse(c.data)).find((node) => node?.leader === true);
    if (drove) return addressOf(drove);
    const candidates = await this.zk.children(`${this.root}/leader`);
    const sequence = (name: string): number => Number(name.slice(name.lastIndexOf('-') + 1));
    const [first] = candidates.sort((a, b) => sequence(a.name) - sequence(b.name));
    return first ? addressOf(parse(first.data)) : undefined;
  }
}
