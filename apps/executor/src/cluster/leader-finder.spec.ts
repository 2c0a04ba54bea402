import { LeaderFinder } from './leader-finder';

const node = (name: string, data: unknown) => ({ name, data: Buffer.from(JSON.stringify(data)) });

function finder(tree: Record<string, { name: string; data: Buffer }[]>, now = () => 0) {
  const reads: string[] = [];
  const zk = {
    children: async (path: string) => {
      reads.push(path);
      return tree[path] ?? [];
    },
  };
  return { finder: new LeaderFinder(zk, '/drove', now, 5000), reads };
}

describe('LeaderFinder', () => {
  it("prefers Drove's /controller node marked leader", async () => {
    const { finder: f } = finder({
      '/drove/controller': [
        node('a-4000', { hostname: 'a', port: 4000, leader: false }),
        node('b-4000', { hostname: 'b', port: 4000, leader: true, transportType: 'HTTPS' }),
      ],
      '/drove/leader': [node('c-0000000001', { hostname: 'x', port: 1 })],
    });
    expect(await f.leader()).toEqual({ hostname: 'b', port: 4000, transportType: 'HTTPS' });
  });

  it('falls back to the lowest election sequence, and caches until forgotten', async () => {
    const { finder: f, reads } = finder({
      '/drove/leader': [
        node('c-0000000012', { hostname: 'late', port: 4000 }),
        node('c-0000000003', { hostname: 'first', port: 4000, transportType: 'HTTP' }),
      ],
    });
    expect(await f.leader()).toEqual({ hostname: 'first', port: 4000, transportType: 'HTTP' });
    await f.leader();
    expect(reads).toHaveLength(2);
    f.forget();
    await f.leader();
    expect(reads).toHaveLength(4);
  });

  it('finds nobody when no controller runs', async () => {
    expect(await finder({}).finder.leader()).toBeUndefined();
  });
});
