import { HttpCheckMode } from './check-spec';

// An HTTP check of GET / on the instance's `main` port expecting 200, with overrides.
export function httpCheckMode(overrides: Partial<HttpCheckMode> = {}): HttpCheckMode {
  return {
    type: 'HTTP',
    protocol: 'HTTP',
    portName: 'main',
    path: '/',
    verb: 'GET',
    successCodes: [200],
    ...overrides,
  };
}
