import { appSpec } from '../testing/container-spec.fixture';
import { DEFAULT_HOST_SETTINGS, containerRequest } from './container-request';

const input = { name: 'web-1-AI-1', labels: { l: 'v' }, env: ['A=1'], hostPorts: { 8000: 20001 } };

describe('containerRequest', () => {
  it('pins to the allocated cores and NUMA nodes with the allocated memory', () => {
    const spec = appSpec({ resources: { cores: { 1: [9, 8], 0: [2] }, memoryInMB: { 0: 100, 1: 28 } } });
    expect(containerRequest(spec, input, DEFAULT_HOST_SETTINGS)).toMatchObject({
      name: 'web-1-AI-1',
      image: 'drove-test/http-server:latest',
      labels: { l: 'v' },
      env: ['A=1'],
      cmd: undefined,
      cpusetCpus: '2,8,9',
      cpusetMems: '0,1',
      memoryBytes: 128 * 1024 * 1024,
      ports: [{ containerPort: 8000, protocol: 'tcp', hostPort: 20001 }],
      maxOpenFiles: 470000,
    });
  });

  it('leaves the memory nodes open when NUMA pinning is off', () => {
    const request = containerRequest(appSpec(), input, { ...DEFAULT_HOST_SETTINGS, numaPinning: false });
    expect(request.cpusetMems).toBeUndefined();
    expect(request.cpusetCpus).toBe('0');
  });

  it.each([
    [{ cpus: [0, 1], memoryNodes: [0] }, '0,1', '0'],
    [{ cpus: [], memoryNodes: [] }, '2,8,9', '0,1'],
    [{ cpus: [5], memoryNodes: [3, 4] }, '5', '3,4'],
  ])('puts synthetic ids onto host ones %j', (hostCpuset, cpus, mems) => {
    const spec = appSpec({ resources: { cores: { 1: [9, 8], 0: [2] }, memoryInMB: { 0: 100, 1: 28 } } });
    const request = containerRequest(spec, input, { ...DEFAULT_HOST_SETTINGS, hostCpuset });
    expect([request.cpusetCpus, request.cpusetMems]).toEqual([cpus, mems]);
  });

  it('maps args, user, volumes, UDP ports and ports left to the engine', () => {
    const spec = appSpec({
      args: ['sh', '-c', 'true'],
      user: { user: '1000', group: '100' },
      volumes: [
        { pathOnHost: '/data', pathInContainer: '/d', mode: 'READ_ONLY' },
        { pathOnHost: '/w', pathInContainer: '/w', mode: 'READ_WRITE' },
      ],
      ports: [
        { name: 'main', port: 8000, type: 'HTTP' },
        { name: 'dns', port: 53, type: 'UDP' },
      ],
    });
    expect(containerRequest(spec, input, DEFAULT_HOST_SETTINGS)).toMatchObject({
      cmd: ['sh', '-c', 'true'],
      user: '1000:100',
      binds: [
        { hostPath: '/data', containerPath: '/d', readOnly: true },
        { hostPath: '/w', containerPath: '/w', readOnly: false },
      ],
      ports: [
        { containerPort: 8000, protocol: 'tcp', hostPort: 20001 },
        { containerPort: 53, protocol: 'udp', hostPort: undefined },
      ],
    });
    expect(containerRequest(appSpec({ user: { user: 'nobody' } }), input, DEFAULT_HOST_SETTINGS).user).toBe(
      'nobody',
    );
  });

  it('falls back to the executor-wide default user only when the spec names none', () => {
    const withDefault = { ...DEFAULT_HOST_SETTINGS, defaultUser: { user: 'app', group: 'app' } };
    expect(containerRequest(appSpec(), input, withDefault).user).toBe('app:app');
    expect(containerRequest(appSpec({ user: { user: '0' } }), input, withDefault).user).toBe('0');
    expect(containerRequest(appSpec(), input, DEFAULT_HOST_SETTINGS).user).toBeUndefined();
  });

  it('maps direct devices with cgroup permissions, detailed ones and the GPU switch to device requests', () => {
    const spec = appSpec({
      devices: [
        { type: 'DIRECT', pathOnHost: '/dev/fuse' },
        { type: 'DIRECT', pathOnHost: '/dev/a', pathInContainer: '/dev/b', permissions: 'READ_ONLY' },
        { type: 'DETAILED', driver: 'cdi', deviceIds: ['x'] },
      ],
    });
    const request = containerRequest(spec, input, { ...DEFAULT_HOST_SETTINGS, enableNvidiaGpu: true });
    expect(request.devices).toEqual([
      { pathOnHost: '/dev/fuse', pathInContainer: '/dev/fuse', permissions: 'rwm' },
      { pathOnHost: '/dev/a', pathInContainer: '/dev/b', permissions: 'r' },
    ]);
    expect(request.deviceRequests).toEqual([
      { driver: 'cdi', deviceIds: ['x'] },
      { driver: 'nvidia', count: -1, capabilities: [['gpu']] },
    ]);
  });

  it.each([
    [
      undefined,
      {
        type: 'json-file',
        config: {
          mode: 'non-blocking',
          'max-buffer-size': '10m',
          'max-size': '10m',
          'max-file': '3',
          compress: 'true',
        },
      },
    ],
    [
      { type: 'RSYSLOG' as const, server: 'udp://log:514', tagPrefix: 'p-', tagSuffix: '-s' },
      {
        type: 'syslog',
        config: expect.objectContaining({
          'syslog-address': 'udp://log:514',
          tag: `p-AI-1-s`,
          'syslog-facility': 'daemon',
          'cache-disabled': 'false',
          'cache-max-size': '20m',
          'cache-max-file': '3',
        }),
      },
    ],
  ])('configures the log driver for %j', (logging, expected) => {
    const spec = appSpec({ logging });
    const identity = { ...spec.identity, instanceId: 'AI-1' };
    expect(containerRequest({ ...spec, identity }, input, DEFAULT_HOST_SETTINGS).logDriver).toEqual(expected);
  });
});
