import { ControllerConfig } from './controller-config';
import { ConfigError, parseConfig } from '@drove/config';

const parse = (yaml: string | null, env: NodeJS.ProcessEnv = {}) =>
  parseConfig(ControllerConfig, yaml, 'c.yml', env);

function errorOf(yaml: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    parse(yaml, env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

describe('controller config', () => {
  it('without a file runs on Drove-like defaults for one machine', () => {
    const config = parse(null);
    expect(config.server).toMatchObject({ port: 4000, adminPort: 4001, bindAddress: '0.0.0.0' });
    expect(config.zookeeper).toMatchObject({
      connectionString: '127.0.0.1:2181',
      nameSpace: 'drove',
      sessionTimeoutMs: 5000,
    });
    expect(config.clusterAuth.secrets.map((s) => [s.nodeType, s.secret])).toEqual([
      ['CONTROLLER', 'DefaultControllerSecret'],
      ['EXECUTOR', 'DefaultExecutorSecret'],
    ]);
    expect(config.installation).toMatchObject({ label: 'local', criticality: 'DEVELOPMENT' });
  });

  it("has Drove's staleness defaults and takes a staleExecutorAge within 10 s .. 3600 s", () => {
    expect(parse(null).options).toMatchObject({ staleExecutorAge: '45 seconds', instanceStalenessMs: 60000 });
    expect(parse('options:\n  staleExecutorAge: 10 seconds\n').options.staleExecutorAge).toBe('10 seconds');
    expect(parse('options:\n  staleExecutorAge: 1 hour\n').options.staleExecutorAge).toBe('1 hour');
  });

  it('keeps the defaults of keys a partial block leaves out', () => {
    const config = parse('server:\n  port: 4010\nzookeeper:\n  nameSpace: prod\n');
    expect(config.server).toMatchObject({ port: 4010, adminPort: 4001 });
    expect(config.zookeeper).toMatchObject({ nameSpace: 'prod', connectionString: '127.0.0.1:2181' });
  });

  it('substitutes ${VAR} from the environment, except in comment lines', () => {
    const config = parse('# ${UNSET}\nzookeeper:\n  connectionString: ${ZK}\n', { ZK: 'zk1:2181,zk2:2181' });
    expect(config.zookeeper.connectionString).toBe('zk1:2181,zk2:2181');
  });

  it.each([
    [
      'an undefined environment variable',
      'zookeeper:\n  connectionString: ${NOPE}\n',
      'c.yml: environment variable NOPE is not set',
    ],
    [
      'a misspelt key',
      'zookeeper:\n  namespace: prod\n',
      'zookeeper.namespace: property namespace should not exist',
    ],
    ['an unknown block', 'servr:\n  port: 1\n', 'servr: property servr should not exist'],
    ['a port that is not a number', 'server:\n  port: abc\n', 'server.port: port must be an integer number'],
    ['a port out of range', 'server:\n  port: 70000\n', 'server.port: port must not be greater than 65535'],
    [
      'a bad connection string',
      'zookeeper:\n  connectionString: "zk1"\n',
      'zookeeper.connectionString: must be host:port',
    ],
    [
      'an unknown node type',
      'clusterAuth:\n  secrets:\n    - {nodeType: ROUTER, secret: x}\n',
      'clusterAuth.secrets.0.nodeType: nodeType must be one of the following values: CONTROLLER, EXECUTOR',
    ],
    [
      'one secret shared by both node types',
      'clusterAuth:\n  secrets:\n    - {nodeType: CONTROLLER, secret: s}\n    - {nodeType: EXECUTOR, secret: s}\n',
      'clusterAuth.secrets: must use a different secret per node type',
    ],
    [
      'a label over 50 characters',
      `installation:\n  label: ${'x'.repeat(51)}\n`,
      'installation.label: label must be shorter than or equal to 50 characters',
    ],
    [
      'a negative maintenance grace',
      'options:\n  maintenanceGraceMs: -1\n',
      'options.maintenanceGraceMs: maintenanceGraceMs must not be less than 0',
    ],
    [
      'a body limit too small to carry a spec',
      'limits:\n  maxRequestBodyBytes: 100\n',
      'limits.maxRequestBodyBytes: maxRequestBodyBytes must not be less than 1024',
    ],
    [
      'a spec limit past what one ZooKeeper znode holds',
      'limits:\n  maxSpecBytes: 2000000\n',
      'limits.maxSpecBytes: maxSpecBytes must not be greater than 921600',
    ],
    [
      'a staleExecutorAge under 10 s',
      'options:\n  staleExecutorAge: 9 seconds\n',
      'options.staleExecutorAge: must be between 10 seconds and 3600 seconds',
    ],
    [
      'a staleExecutorAge over an hour',
      'options:\n  staleExecutorAge: 61 minutes\n',
      'options.staleExecutorAge: must be between 10 seconds and 3600 seconds',
    ],
    [
      'a staleExecutorAge that is no duration',
      'options:\n  staleExecutorAge: soon\n',
      'options.staleExecutorAge: must be a duration such as "45 seconds" or "2 minutes"',
    ],
    [
      'an instance staleness under a second',
      'options:\n  instanceStalenessMs: 10\n',
      'options.instanceStalenessMs: instanceStalenessMs must not be less than 1000',
    ],
    ['broken YAML', 'server: [\n', 'c.yml: not valid YAML'],
    ['a list at the top', '- a\n', 'c.yml: the top level must be a mapping'],
  ])('rejects %s, naming it', (_, yaml, expected) => {
    expect(errorOf(yaml, {})).toContain(expected);
  });
});
