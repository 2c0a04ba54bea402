import { droveTestImages } from '../runtime/hollow/drove-test-images';
import { HollowContainerRuntime } from '../runtime/hollow/hollow-container-runtime';
import { foreignContainer } from '../testing/foreign-container.fixture';
import { HttpCheckMode } from './check-spec';
import { hollowCheckers } from './hollow-checkers';

const http: HttpCheckMode = {
  type: 'HTTP',
  protocol: 'HTTP',
  portName: 'main',
  path: '/',
  verb: 'GET',
  successCodes: [200],
};
const ports = { main: { containerPort: 8000, hostPort: 1, portType: 'HTTP' as const } };

describe('hollowCheckers', () => {
  it('pass HTTP checks while the container runs and fail them once it stopped or for unknown ports', async () => {
    const runtime = new HollowContainerRuntime({ images: droveTestImages(10) });
    const id = await runtime.create(foreignContainer('hollow-check', {}));
    await runtime.start(id);
    const checkers = hollowCheckers(runtime);
    expect(await checkers(http, { containerId: id, ports }, 100).check()).toEqual({ healthy: true });
    expect((await checkers(http, { containerId: id, ports: {} }, 100).check()).healthy).toBe(false);
    expect(
      await checkers({ type: 'CMD', command: 'exit 0' }, { containerId: id, ports }, 100).check(),
    ).toEqual({
      healthy: true,
    });
    await runtime.stop(id, 1);
    expect(await checkers(http, { containerId: id, ports }, 100).check()).toEqual({
      healthy: false,
      message: 'Container is not running',
    });
  });
});
