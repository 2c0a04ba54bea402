import { ContainerRuntime } from '../runtime/container-runtime.port';
import { CheckerFactory, containerCheckers } from './checker-factory';

// Checkers for executors on the hollow runtime: CMD checks run in the simulated container as usual; an HTTP
// check passes while the container runs and has the named port, since hollow host ports are not sockets.
export function hollowCheckers(runtime: ContainerRuntime): CheckerFactory {
  const real = containerCheckers(runtime);
  return (mode, target, timeoutMs) => {
    if (mode.type === 'CMD') return real(mode, target, timeoutMs);
    return {
      check: async () => {
        if (!target.ports[mode.portName]) {
          return { healthy: false, message: `No port named ${mode.portName} on the instance` };
        }
        const running = (await runtime.inspect(target.containerId))?.running;
        return running ? { healthy: true } : { healthy: false, message: 'Container is not running' };
      },
    };
  };
}
