import { parseConfig } from '@drove/config';
import { executorIdOf } from '@drove/domain';
import { ControllerConfig } from '../../apps/controller/src/config/controller-config';
import { ExecutorConfig } from '../../apps/executor/src/config/executor-config';
import { clusterSettings, shellAssignments } from './cluster-settings';

const controller = (yaml: string) => parseConfig(ControllerConfig, yaml, 'c.yml', {});
const executor = (yaml: string) => parseConfig(ExecutorConfig, yaml, 'e.yml', {});

describe('clusterSettings', () => {
  it('with the default configs: Drove ports on loopback, ZooKeeper 2181, the id from the machine name', () => {
    const settings = clusterSettings(
      [controller(''), controller('server: { port: 4010 }')],
      executor(''),
      'laptop',
    );
    expect(settings).toEqual({
      apis: ['http://127.0.0.1:4000/apis/v1', 'http://127.0.0.1:4010/apis/v1'],
      zkPort: 2181,
      executorId: executorIdOf('laptop', 3000),
    });
  });

  it.each([
    ['a bind address', 'server: { port: 6100, bindAddress: 127.0.0.2 }', 'http://127.0.0.2:6100/apis/v1'],
    ['an IPv6 bind address', 'server: { port: 6100, bindAddress: "::1" }', 'http://[::1]:6100/apis/v1'],
  ])('reaches a controller on %s', (_, yaml, api) => {
    expect(clusterSettings([controller(yaml)], executor(''), 'h').apis).toEqual([api]);
  });

  it.each([
    ['127.0.0.1:6190,127.0.0.1:6191', 6190],
    ['localhost:2182', 2182],
    ['zk1.example.com:2181,127.0.0.1:2181', null],
  ])('ZooKeeper %s: local port %p', (connectionString, zkPort) => {
    const settings = clusterSettings(
      [controller(`zookeeper: { connectionString: "${connectionString}" }`)],
      executor(''),
      'h',
    );
    expect(settings.zkPort).toBe(zkPort);
  });

  it("takes the executor's configured hostname and port for its id", () => {
    const settings = clusterSettings([controller('')], executor('server: { hostname: n1, port: 6120 }'), 'h');
    expect(settings.executorId).toBe(executorIdOf('n1', 6120));
  });
});

describe('shellAssignments', () => {
  it('quotes every value for bash, an absent ZooKeeper port as empty', () => {
    expect(
      shellAssignments({ apis: ["http://a:1/x'y", 'http://b:2'], zkPort: null, executorId: 'e-1' }),
    ).toBe(`apis=('http://a:1/x'\\''y' 'http://b:2')\nzk_port=\nexecutor_id='e-1'`);
  });
});
