import { runningHollowContainer } from '../testing/hollow.fixture';
import { hollowCheckers } from './hollow-checkers';
import { httpCheckMode } from './check-mode.fixture';

const http = httpCheckMode();
const ports = { main: { containerPort: 8000, hostPort: 1, portType: 'HTTP' as const } };

describe('hollowCheckers', () => {
  it('pass HTTP checks while the container runs and fail them once it stopped or for unknown ports', async () => {
    const { runtime, id } = await runningHollowContainer();
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
