import type Docker from 'dockerode';
import { ContainerNotFoundError, ImageNotFoundError, NameConflictError } from '../container-runtime.errors';
import { foreignContainer } from '../../testing/foreign-container.fixture';
import { DockerContainerRuntime } from './docker-container-runtime';

const never = () => new Promise<never>(() => undefined);
const engineError = (statusCode: number) => () =>
  Promise.reject(Object.assign(new Error('engine'), { statusCode }));

function runtimeWith(
  container: Record<string, () => Promise<unknown>>,
  docker: Record<string, unknown> = {},
) {
  const stub = { getContainer: () => container, ...docker } as unknown as Docker;
  return new DockerContainerRuntime(stub, { commandTimeoutMs: 30 });
}

describe('DockerContainerRuntime against a stubbed engine', () => {
  it('bounds short engine calls by the command timeout, and stop by its grace on top', async () => {
    const runtime = runtimeWith({
      inspect: never,
      stop: never,
      wait: () => Promise.resolve({ StatusCode: 7 }),
    });
    await expect(runtime.inspect('c')).rejects.toThrow('Docker engine did not answer within 30 ms');
    const begun = Date.now();
    await expect(runtime.stop('c', 0.1)).rejects.toThrow('within 130 ms');
    expect(Date.now() - begun).toBeGreaterThanOrEqual(120);
    expect(await runtime.wait('c')).toBe(7);
  });

  it('maps engine statuses to typed errors and harmless outcomes', async () => {
    const runtime = runtimeWith(
      {
        inspect: engineError(404),
        remove: engineError(404),
        start: engineError(404),
        stop: engineError(304),
      },
      { createContainer: engineError(409) },
    );
    expect(await runtime.inspect('c')).toBeUndefined();
    await expect(runtime.remove('c')).resolves.toBeUndefined();
    await expect(runtime.stop('c', 1)).resolves.toBeUndefined();
    await expect(runtime.start('c')).rejects.toBeInstanceOf(ContainerNotFoundError);
    await expect(runtime.create(foreignContainer('x', {}))).rejects.toBeInstanceOf(NameConflictError);
    const noImage = runtimeWith({}, { createContainer: engineError(404) });
    await expect(noImage.create(foreignContainer('x', {}))).rejects.toBeInstanceOf(ImageNotFoundError);
  });

  it('says the engine is down when ping fails or hangs', async () => {
    expect(await runtimeWith({}, { ping: engineError(500) }).ping()).toBe(false);
    expect(await runtimeWith({}, { ping: never }).ping()).toBe(false);
  });
});
