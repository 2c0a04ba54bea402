import { droveTestImages } from '../runtime/hollow/drove-test-images';
import { HollowContainerRuntime } from '../runtime/hollow/hollow-container-runtime';
import { appSpec } from '../testing/container-spec.fixture';
import { launcherSettings } from '../testing/launcher-settings.fixture';
import { ContainerLauncher } from './container-launcher';
import { foreignContainer } from '../testing/foreign-container.fixture';
import { ZombieReaper, findZombies } from './zombie-reaper';

const MINE = { executorId: 'executor-test', hostname: 'localhost' };

async function setup() {
  const runtime = new HollowContainerRuntime({ images: droveTestImages(10) });
  const launcher = new ContainerLauncher(runtime, launcherSettings('unit'));
  const known = await launcher.launch(appSpec(), {});
  const zombie = await launcher.launch(appSpec(), {});
  const stoppedZombie = await launcher.launch(appSpec(), {});
  await runtime.stop(stoppedZombie.containerId, 1);
  const plain = await runtime.create(foreignContainer('plain', {}));
  await runtime.start(plain);
  return { runtime, known, zombie, stoppedZombie, plain, knownIds: new Set([known.info.instanceId]) };
}

describe('zombies', () => {
  it('are the Drove-labelled containers, running or not, whose instance the controller does not know', async () => {
    const { runtime, zombie, stoppedZombie, knownIds } = await setup();
    const found = await findZombies(runtime, knownIds, MINE);
    expect(found.map((z) => z.id).sort()).toEqual([zombie.containerId, stoppedZombie.containerId].sort());
  });

  it('are removed only after the grace period, and known or unlabelled containers never', async () => {
    const { runtime, known, zombie, plain, knownIds } = await setup();
    let now = 0;
    const reaper = new ZombieReaper(runtime, 60_000, () => now, MINE);
    expect(await reaper.reap(knownIds)).toEqual([]);
    now = 59_999;
    expect(await reaper.reap(knownIds)).toEqual([]);
    now = 60_000;
    expect(await reaper.reap(knownIds)).toHaveLength(2);
    expect(await runtime.inspect(zombie.containerId)).toBeUndefined();
    expect((await runtime.inspect(known.containerId))?.running).toBe(true);
    expect((await runtime.inspect(plain))?.running).toBe(true);
  });

  it('restart their grace period when the controller learnt of them meanwhile', async () => {
    const { runtime, zombie, knownIds } = await setup();
    let now = 0;
    const reaper = new ZombieReaper(runtime, 1000, () => now, MINE);
    await reaper.reap(knownIds);
    now = 500;
    await reaper.reap(new Set([...knownIds, zombie.info.instanceId]));
    now = 1200;
    const removed = await reaper.reap(knownIds);
    expect(removed.map((z) => z.id)).not.toContain(zombie.containerId);
  });
});

describe('zombie ownership', () => {
  async function withOtherExecutors() {
    const base = await setup();
    const other = new ContainerLauncher(
      base.runtime,
      launcherSettings('other-run', { executorId: 'executor-b' }),
    );
    const elsewhere = await other.launch(appSpec(), {});
    const unreadable = await base.runtime.create(
      foreignContainer('unreadable', { 'drove.job.type': 'SERVICE', 'drove.instance.id': 'AI-x' }),
    );
    return { ...base, elsewhere, unreadable };
  }

  it.each([
    ['own executor id only', MINE, ['zombie', 'stoppedZombie']],
    ['scope labels narrow it further', { ...MINE, scope: { 'drove-ts.run': 'other-run' } }, []],
    [
      'every executor id with adoptOthers',
      { ...MINE, adoptOthers: true },
      ['zombie', 'stoppedZombie', 'elsewhere', 'unreadable'],
    ],
    [
      'adoptOthers within the scope',
      { ...MINE, adoptOthers: true, scope: { 'drove-ts.run': 'other-run' } },
      ['elsewhere'],
    ],
  ] as const)('%s', async (_, ownership, expected) => {
    const found = await withOtherExecutors();
    const ids: Record<string, string> = {
      zombie: found.zombie.containerId,
      stoppedZombie: found.stoppedZombie.containerId,
      elsewhere: found.elsewhere.containerId,
      unreadable: found.unreadable,
    };
    const zombies = await findZombies(found.runtime, found.knownIds, ownership);
    expect(zombies.map((z) => z.id).sort()).toEqual(expected.map((name) => ids[name]).sort());
  });
});
