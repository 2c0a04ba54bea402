import { randomBytes } from 'node:crypto';
import { Zk } from '../zookeeper/zk-client';

export const connectString = process.env.DROVE_ZK_CONNECT ?? `127.0.0.1:${process.env.DROVE_ZK_PORT ?? 2181}`;

/** A root path no other test uses. */
export function testRoot(lib: string): string {
  return `/test-${lib}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

export function connectAdmin(): Promise<Zk> {
  return Zk.connect(connectString, 10_000);
}
