import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on loopback in front of the shared ZooKeeper, so tests can break the connection of one client
 * without touching the server: cut() drops every connection and refuses new ones until restore().
 */
export class LoopbackProxy {
  private readonly sockets = new Set<Socket>();
  private cutting = false;
  /** Set by dropNextRequest: what to do with the next client request of at least `minBytes`. */
  private trap?: { minBytes: number; forward: boolean; sprung: () => void };

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number): Promise<LoopbackProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const proxy = new LoopbackProxy(server, typeof address === 'object' && address ? address.port : 0);
    server.on('connection', (client: Socket) => proxy.accept(client, targetPort));
    return proxy;
  }

  get connectString(): string {
    return `127.0.0.1:${this.port}`;
  }

  cut(): void {
    this.cutting = true;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.cutting = false;
  }

  /**
   * Breaks the connection at the next client request of at least minBytes: after the server got it (its reply is
   * lost) when forward is true, before it when false. The connection is accepted again right after.
   */
  breakAtNextRequest(minBytes: number, forward: boolean): Promise<void> {
    return new Promise((sprung) => (this.trap = { minBytes, forward, sprung }));
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket, targetPort: number): void {
    if (this.cutting) {
      client.destroy();
      return;
    }
    const upstream = createConnection(targetPort, '127.0.0.1');
    let replies = true;
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
      socket.on('error', () => undefined);
    }
    client.on('data', (chunk: Buffer) => {
      const trap = this.trap;
      if (trap && chunk.length >= trap.minBytes) {
        this.trap = undefined;
        replies = false;
        if (trap.forward) upstream.write(chunk);
        setTimeout(() => {
          client.destroy();
          trap.sprung();
        }, 200);
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (replies) client.write(chunk);
    });
  }
}
