import { droveTestImages } from '../runtime/hollow/drove-test-images';
import { HollowContainerRuntime } from '../runtime/hollow/hollow-container-runtime';
import { appSpec } from '../testing/container-spec.fixture';
import { foreignContainer } from '../testing/foreign-container.fixture';
import { launcherSettings } from '../testing/launcher-settings.fixture';
import { ContainerLauncher } from './container-launcher';
import { claims, describeUnclaimed, ownerOf, unclaimedContainers } from './container-ownership';

const DROVE = { 'drove.job.type': 'SERVICE', 'drove.instance.id': 'AI-1' };
const info = (value: unknown) => ({ ...DROVE, 'drove.instance.info': JSON.stringify(value) });

describe('ownerOf', () => {
  it.each([
    ['the executor id in the instance info', info({ executorId: 'e-1' }), 'e-1'],
    ['no info label', DROVE, undefined],
    ['info not JSON', { ...DROVE, 'drove.instance.info': '{' }, undefined],
    ['info without executorId', info({ instanceId: 'AI-1' }), undefined],
    ['an empty executorId', info({ executorId: '' }), undefined],
    ['a non-string executorId', info({ executorId: 7 }), undefined],
    ['info that is not an object', info('e-1'), undefined],
  ])('%s', (_, labels, expected) => {
    expect(ownerOf(labels)).toBe(expected);
  });
});

describe('claims', () => {
  const mine = { executorId: 'e-1', hostname: 'h' };
  it.each([
    ['its own container', mine, info({ executorId: 'e-1' }), true],
    ["another executor id's", mine, info({ executorId: 'e-2' }), false],
    ['one whose owner cannot be told', mine, DROVE, false],
    [
      "another executor id's with adoptOthers",
      { ...mine, adoptOthers: true },
      info({ executorId: 'e-2' }),
      true,
    ],
    ['an unreadable one with adoptOthers', { ...mine, adoptOthers: true }, DROVE, true],
    ['a container without Drove labels, even with adoptOthers', { ...mine, adoptOthers: true }, {}, false],
  ])('%s: %s', (_, ownership, labels, expected) => {
    expect(claims(ownership, labels)).toBe(expected);
  });
});

describe('unclaimed containers', () => {
  it('are the in-scope Drove containers of other executor ids or none, described per owner', async () => {
    const runtime = new HollowContainerRuntime({ images: droveTestImages(10) });
    await new ContainerLauncher(runtime, launcherSettings('unit')).launch(appSpec(), {});
    const old = new ContainerLauncher(runtime, launcherSettings('unit', { executorId: 'executor-old' }));
    const a = await old.launch(appSpec(), {});
    const b = await old.launch(appSpec(), {});
    await runtime.stop(b.containerId, 1);
    const unreadable = await runtime.create(foreignContainer('unreadable', DROVE));
    await runtime.create(foreignContainer('plain', {}));
    await new ContainerLauncher(
      runtime,
      launcherSettings('elsewhere', { executorId: 'out-of-scope' }),
    ).launch(appSpec(), {});

    const ownership = { executorId: 'executor-test', hostname: 'h', scope: { 'drove-ts.test': '1' } };
    const found = await unclaimedContainers(runtime, { ...ownership, scope: { 'drove-ts.run': 'unit' } });
    expect(found.map((c) => c.name).sort()).toEqual([a.name, b.name].sort());
    const all = await unclaimedContainers(runtime, ownership);
    expect(all.map((c) => c.id)).toContain(unreadable);
    expect(describeUnclaimed(all)).toEqual([
      expect.stringMatching(/^2 Drove container\(s\) of executor-old left alone: .*\(running\).*\(exited\)/),
      expect.stringMatching(
        /^1 Drove container\(s\) of no executor id .* left alone: drove-ts-foreign-unreadable/,
      ),
      expect.stringMatching(/^1 Drove container\(s\) of out-of-scope left alone/),
    ]);
  });
});
