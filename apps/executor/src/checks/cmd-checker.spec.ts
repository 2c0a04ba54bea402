import { runningHollowContainer } from '../testing/hollow.fixture';
import { CmdChecker, commandArgv } from './cmd-checker';
import { containerCheckers } from './checker-factory';
import { httpCheckMode } from './check-mode.fixture';

describe('CmdChecker', () => {
  it.each([
    ['true', { healthy: true }],
    ['echo not yet; exit 2', { healthy: false, message: 'Command exited with status 2: not yet' }],
    ['sleep 5', { healthy: false, message: expect.stringContaining('did not finish within 50 ms') }],
  ])('checks `%s`', async (command, expected) => {
    const { runtime, id } = await runningHollowContainer();
    expect(await new CmdChecker(runtime, id, { type: 'CMD', command }, 50).check()).toEqual(expected);
  });

  it('is unhealthy, not failing, when the container is gone', async () => {
    const { runtime, id } = await runningHollowContainer();
    await runtime.remove(id);
    expect((await new CmdChecker(runtime, id, { type: 'CMD', command: 'true' }, 50).check()).healthy).toBe(
      false,
    );
  });

  it('runs through a shell unless the shell is disabled', () => {
    expect(commandArgv({ type: 'CMD', command: 'test -f /x' })).toEqual(['sh', '-c', 'test -f /x']);
    expect(commandArgv({ type: 'CMD', command: 'test  -f /x', shellDisabled: true })).toEqual([
      'test',
      '-f',
      '/x',
    ]);
  });

  it('is what the factory builds for CMD; an HTTP check on an unknown port name is unhealthy', async () => {
    const { runtime, id } = await runningHollowContainer();
    const checkers = containerCheckers(runtime);
    expect(
      await checkers({ type: 'CMD', command: 'true' }, { containerId: id, ports: {} }, 50).check(),
    ).toEqual({
      healthy: true,
    });
    const http = checkers(httpCheckMode({ portName: 'admin' }), { containerId: id, ports: {} }, 50);
    expect(await http.check()).toEqual({ healthy: false, message: 'No port named admin on the instance' });
  });
});
