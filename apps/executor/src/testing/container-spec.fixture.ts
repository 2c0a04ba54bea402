import { randomBytes } from 'node:crypto';
import { ContainerSpec } from '../containers/container-spec';

// Specs for tests: an HTTP app instance on the local http-server image and a task on the task image, with
// unique ids so that int tests can run side by side with other suites on one dockerd.

export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export function appSpec(overrides: Partial<ContainerSpec> = {}): ContainerSpec {
  const suffix = uniqueSuffix();
  return {
    identity: {
      jobType: 'SERVICE',
      appId: `drove-ts-test-app-${suffix}-1`,
      appName: `drove-ts-test-app-${suffix}`,
      instanceId: `AI-${suffix}`,
    },
    image: 'drove-test/http-server:latest',
    pullTimeoutMs: 5000,
    resources: { cores: { 0: [0] }, memoryInMB: { 0: 64 } },
    ports: [{ name: 'main', port: 8000, type: 'HTTP' }],
    env: {},
    volumes: [],
    configs: [],
    args: [],
    devices: [],
    ...overrides,
  };
}

export function taskSpec(env: Record<string, string> = {}): ContainerSpec {
  const suffix = uniqueSuffix();
  return appSpec({
    identity: {
      jobType: 'COMPUTATION',
      sourceAppName: `drove-ts-test-src-${suffix}`,
      taskId: `T${suffix}`,
      instanceId: `TI-${suffix}`,
    },
    image: 'drove-test/task:latest',
    ports: [],
    env,
  });
}
