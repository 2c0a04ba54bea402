import { containerCheckers } from '../checks/checker-factory';
import { containerSpecOf } from '../engine/spec-mapping';
import { DockerContainerRuntime } from '../runtime/docker/docker-container-runtime';
import { uniqueSuffix } from '../testing/container-spec.fixture';
import { appDto, appInstanceJson, engineHarness } from '../testing/engine.fixture';
import { launcherSettings } from '../testing/launcher-settings.fixture';
import { removeRunContainers } from '../testing/run-containers.fixture';
import { ContainerLauncher } from './container-launcher';
import { unclaimedContainers } from './container-ownership';
import { HostPortRange } from './host-port-range';
import { isTcpPortFree } from './port-probe';
import { ZombieReaper } from './zombie-reaper';

// Two executor ids on one dockerd, with no label scope at all: each recovers and reaps only its own containers.
describe('container ownership on dockerd', () => {
  const run = uniqueSuffix();
  const runtime = new DockerContainerRuntime();
  const portRange = new HostPortRange(46400, 46499, isTcpPortFree);
  const settings = (executorId: string) => launcherSettings(run, { executorId, portRange });
  const mine = `executor-a-${run}`;
  const other = `executor-b-${run}`;

  async function launchFor(executorId: string): Promise<{ instanceId: string; containerId: string }> {
    const json = appInstanceJson();
    const launched = await new ContainerLauncher(runtime, settings(executorId)).launch(
      containerSpecOf(appDto(json)),
      json,
    );
    return { instanceId: json.instanceId as string, containerId: launched.containerId };
  }

  afterAll(() => removeRunContainers(runtime, run));

  it("recovers only its own executor id's container, and its reaper never touches the other's", async () => {
    const own = await launchFor(mine);
    const foreign = await launchFor(other);
    const { engine, reached, states } = engineHarness(runtime, settings(mine), containerCheckers(runtime));

    expect(await engine.recover()).toBe(1);
    await reached(own.instanceId, 'HEALTHY');
    expect([...engine.knownInstanceIds()]).toEqual([own.instanceId]);
    expect(states.has(foreign.instanceId)).toBe(false);
    const ownership = { executorId: mine, hostname: 'localhost' };
    const unclaimed = await unclaimedContainers(runtime, { ...ownership, scope: { 'drove-ts.run': run } });
    expect(unclaimed.map((c) => c.id)).toEqual([foreign.containerId]);

    const zombie = await launchFor(mine);
    const reaper = new ZombieReaper(runtime, 0, Date.now, ownership);
    const removed = await reaper.reap(engine.knownInstanceIds());
    expect(removed.map((z) => z.id)).toEqual([zombie.containerId]);
    expect((await runtime.inspect(foreign.containerId))?.running).toBe(true);
    expect((await runtime.inspect(own.containerId))?.running).toBe(true);

    engine.stop(own.instanceId);
    await reached(own.instanceId, 'STOPPED');
    expect((await runtime.inspect(foreign.containerId))?.running).toBe(true);
  });
});
