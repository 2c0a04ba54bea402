import { Client, CreateMode, Event, Exception } from 'node-zookeeper-client';
import { connectZooKeeper, ensurePath, isZkError, zkCall } from '../zookeeper/zookeeper-calls';

export type LeadershipState = 'FOLLOWER' | 'LEADER' | 'SUSPENDED' | 'STOPPED';

export interface LeaderCandidate {
  hostname: string;
  port: number;
  transportType: 'HTTP' | 'HTTPS';
}

export interface LeadershipChange {
  state: LeadershipState;
  /** The znode whose existence fences this controller's appends; set only while LEADER. */
  fencePath: string | null;
}

export interface LeaderElectionOptions {
  connectString: string;
  /** ZooKeeper root of the cluster, e.g. `/drove`; candidates live under `<root>/leader`. */
  root: string;
  candidate: LeaderCandidate;
  sessionTimeoutMs?: number;
  connectTimeoutMs?: number;
  onError?: (err: unknown) => void;
}

const PREFIX = 'c-';

/**
 * Leader election on ephemeral sequential znodes: the lowest sequence number leads, every other candidate
 * watches only its predecessor (no herd on a change). The leader's own znode is the fencing token: it vanishes
 * with the leader's session, so an append that checks it cannot succeed for a deposed leader.
 *
 * Unlike Drove, which exits the process on any ZooKeeper trouble, a disconnected candidate is SUSPENDED (it must
 * not act as leader, but its session and place may survive), and a candidate whose session expired rejoins the
 * election as a new candidate.
 */
export class LeaderElection {
  private client: Client | null = null;
  private ownPath: string | null = null;
  private current: LeadershipState = 'FOLLOWER';
  private stopped = false;
  private readonly listeners = new Set<(change: LeadershipChange) => void>();
  private readonly electionPath: string;

  constructor(private readonly options: LeaderElectionOptions) {
    this.electionPath = `${options.root.replace(/\/$/, '')}/leader`;
  }

  get state(): LeadershipState {
    return this.current;
  }

  get fencePath(): string | null {
    return this.current === 'LEADER' ? this.ownPath : null;
  }

  onChange(listener: (change: LeadershipChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.join();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    const path = this.ownPath;
    this.client = null;
    this.ownPath = null;
    // Removing the candidate znode first hands leadership over at once; closing the session would too, but only
    // after ZooKeeper notices. A client cut off from ZooKeeper cannot remove anything, so it does not wait for it.
    if (client && path && client.getState().name === 'SYNC_CONNECTED') {
      await zkCall((cb) => client.remove(path, -1, cb)).catch(() => undefined);
    }
    client?.close();
    this.transition('STOPPED');
  }

  /** The candidate currently leading, as it registered itself; null when nobody leads. */
  async leader(): Promise<LeaderCandidate | null> {
    const client = this.client;
    if (!client) return null;
    for (;;) {
      const children = sortCandidates(
        await zkCall<string[]>((cb) => client.getChildren(this.electionPath, cb)),
      );
      if (children.length === 0) return null;
      try {
        const data = await zkCall<Buffer>((cb) => client.getData(`${this.electionPath}/${children[0]}`, cb));
        return JSON.parse(data.toString('utf8')) as LeaderCandidate;
      } catch (err) {
        if (!isZkError(err, Exception.NO_NODE)) throw err;
      }
    }
  }

  private async join(): Promise<void> {
    const client = await connectZooKeeper(this.options.connectString, {
      sessionTimeoutMs: this.options.sessionTimeoutMs ?? 10000,
      connectTimeoutMs: this.options.connectTimeoutMs ?? 15000,
    });
    if (this.stopped) {
      client.close();
      return;
    }
    this.client = client;
    client.on('state', (state) => this.onSessionState(client, state.name));
    await ensurePath(client, this.electionPath);
    await this.standWith(client);
  }

  private async evaluate(client: Client): Promise<void> {
    for (;;) {
      if (this.stopped || client !== this.client || !this.ownPath) return;
      const own = this.ownPath.slice(this.electionPath.length + 1);
      const children = sortCandidates(
        await zkCall<string[]>((cb) => client.getChildren(this.electionPath, cb)),
      );
      const index = children.indexOf(own);
      if (index < 0) {
        // Our node is gone while the session lives on (someone removed it): stand again.
        this.transition('FOLLOWER');
        await this.standWith(client);
        return;
      }
      if (index === 0) {
        this.transition('LEADER');
        return;
      }
      this.transition('FOLLOWER');
      const predecessor = `${this.electionPath}/${children[index - 1]}`;
      const stat = await zkCall((cb) =>
        client.exists(
          predecessor,
          (event) => {
            if (event.getType() === Event.NODE_DELETED) this.reevaluate(client);
          },
          cb,
        ),
      );
      if (stat) return;
    }
  }

  private reevaluate(client: Client): void {
    this.evaluate(client).catch((err) => this.options.onError?.(err));
  }

  private async standWith(client: Client): Promise<void> {
    this.ownPath = await zkCall<string>((cb) =>
      client.create(
        `${this.electionPath}/${PREFIX}`,
        Buffer.from(JSON.stringify(this.options.candidate)),
        CreateMode.EPHEMERAL_SEQUENTIAL,
        cb,
      ),
    );
    await this.evaluate(client);
  }

  private onSessionState(client: Client, name: string): void {
    if (client !== this.client || this.stopped) return;
    if (name === 'DISCONNECTED') {
      this.transition('SUSPENDED');
    } else if (name === 'SYNC_CONNECTED') {
      // The session survived the disconnection, and with it our candidate znode; see where we stand now.
      this.reevaluate(client);
    } else if (name === 'EXPIRED') {
      this.client = null;
      this.ownPath = null;
      client.close();
      this.transition('FOLLOWER');
      this.join().catch((err) => this.options.onError?.(err));
    }
  }

  private transition(state: LeadershipState): void {
    if (state === this.current) return;
    this.current = state;
    const change: LeadershipChange = { state, fencePath: this.fencePath };
    for (const listener of this.listeners) listener(change);
  }
}

function sortCandidates(children: string[]): string[] {
  return children.filter((c) => c.startsWith(PREFIX)).sort((a, b) => sequenceOf(a) - sequenceOf(b));
}

function sequenceOf(name: string): number {
  return Number(name.slice(PREFIX.length));
}
