import { createContainerRuntime, DEFAULT_RUNTIME_CONFIG } from './container-runtime.factory';
import { DockerContainerRuntime } from './docker/docker-container-runtime';
import { HollowContainerRuntime } from './hollow/hollow-container-runtime';

describe('createContainerRuntime', () => {
  it('builds the Docker adapter by default and the hollow one on request', async () => {
    expect(createContainerRuntime(DEFAULT_RUNTIME_CONFIG)).toBeInstanceOf(DockerContainerRuntime);
    const hollow = createContainerRuntime({ type: 'HOLLOW', secondMs: 10, firstHostPort: 40000 });
    expect(hollow).toBeInstanceOf(HollowContainerRuntime);
    expect(await hollow.hasImage('drove-test/task:latest')).toBe(true);
  });
});
