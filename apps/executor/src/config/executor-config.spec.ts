import { ConfigError, parseConfig } from '@drove/config';
import { ExecutorConfig } from './executor-config';

describe('ExecutorConfig', () => {
  it('works with no file at all', () => {
    const config = parseConfig(ExecutorConfig, null, 'defaults', {});
    expect(config.server.port).toBe(3000);
    expect(config.hostPorts).toEqual({ from: 20000, to: 32767 });
    expect(config.clusterAuth.secrets.map((s) => s.nodeType)).toEqual(['CONTROLLER', 'EXECUTOR']);
  });

  it.each([
    ['server:\n  port: 0\n', 'server.port'],
    ['docker:\n  pullPolicy: SOMETIMES\n', 'docker.pullPolicy'],
    ['resources:\n  exposedMemPercentage: 101\n', 'resources.exposedMemPercentage'],
    ['resources:\n  syntheticHostCpus: [-1]\n', 'resources.syntheticHostCpus'],
    ['unknown: 1\n', 'unknown'],
  ])('refuses %j naming the field', (yaml, field) => {
    expect(() => parseConfig(ExecutorConfig, yaml, 'x.yml', {})).toThrow(ConfigError);
    expect(() => parseConfig(ExecutorConfig, yaml, 'x.yml', {})).toThrow(field);
  });
});
