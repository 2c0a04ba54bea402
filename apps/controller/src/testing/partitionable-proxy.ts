import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';

/** A loopback TCP proxy in front of ZooKeeper that can be cut, to partition one client from the ensemble. */
export class PartitionableProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly connectString: string) {}

  async open(): Promise<void> {
    const [zkHost, zkPort] = this.connectString.split(',')[0].split(':');
    this.server = createServer((inbound) => {
      const outbound = connect(Number(zkPort), zkHost);
      for (const s of [inbound, outbound]) {
        this.sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => this.sockets.delete(s));
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
