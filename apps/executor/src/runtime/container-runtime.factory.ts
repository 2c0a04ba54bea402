import Docker from 'dockerode';
import { ContainerRuntime } from './container-runtime.port';
import { DockerContainerRuntime } from './docker/docker-container-runtime';
import { droveTestImages } from './hollow/drove-test-images';
import { HollowContainerRuntime } from './hollow/hollow-container-runtime';

export type ContainerRuntimeConfig =
  | {
      type: 'DOCKER';
      // Drove's dockerSocketPath; Podman's Docker-compatible socket works too.
      socketPath: string;
      // Drove's containerCommandTimeout: the longest any single engine call may take (pulls have their own).
      commandTimeoutMs: number;
    }
  | {
      type: 'HOLLOW';
      // Length of the simulated task image's one-second pause.
      secondMs: number;
      firstHostPort: number;
    };

export const DEFAULT_RUNTIME_CONFIG: ContainerRuntimeConfig = {
  type: 'DOCKER',
  socketPath: '/var/run/docker.sock',
  commandTimeoutMs: 30_000,
};

export function createContainerRuntime(config: ContainerRuntimeConfig): ContainerRuntime {
  if (config.type === 'HOLLOW') {
    return new HollowContainerRuntime({
      images: droveTestImages(config.secondMs),
      firstHostPort: config.firstHostPort,
    });
  }
  return new DockerContainerRuntime(new Docker({ socketPath: config.socketPath }), {
    commandTimeoutMs: config.commandTimeoutMs,
  });
}
