import { CreateContainerRequest } from '../runtime/container-runtime.port';

// A container that the launcher did not make (no or partial Drove labels), for recovery and zombie tests.
export function foreignContainer(name: string, labels: Record<string, string>): CreateContainerRequest {
  return {
    name: `drove-ts-foreign-${name}-${Math.random().toString(36).slice(2, 8)}`,
    image: 'drove-test/http-server:latest',
    labels: { 'drove-ts.test': '1', ...labels },
    env: [],
    ports: [],
    binds: [],
    devices: [],
    deviceRequests: [],
  };
}
