import type Docker from 'dockerode';
import { toCreateOptions, toDetails, toStats } from './docker-mapping';

describe('docker mapping', () => {
  it('maps a create request to engine options, leaving host ports for dockerd to choose', () => {
    const options = toCreateOptions({
      name: 'app-AI-1',
      image: 'img:1',
      labels: { a: 'b' },
      env: ['X=1'],
      cmd: [],
      cpusetCpus: '2,3',
      cpusetMems: '1',
      memoryBytes: 128,
      ports: [
        { containerPort: 8000, protocol: 'tcp' },
        { containerPort: 53, protocol: 'udp', hostPort: 5353, hostIp: '127.0.0.1' },
      ],
      binds: [{ hostPath: '/h', containerPath: '/c', readOnly: true }],
      devices: [{ pathOnHost: '/dev/x', pathInContainer: '/dev/y', permissions: 'rwm' }],
      deviceRequests: [{ driver: 'nvidia', count: -1, capabilities: [['gpu']] }],
      maxOpenFiles: 1000,
      logDriver: { type: 'json-file', config: { 'max-size': '10m' } },
    });
    expect(options).toMatchObject({
      name: 'app-AI-1',
      Cmd: undefined,
      ExposedPorts: { '8000/tcp': {}, '53/udp': {} },
      HostConfig: {
        CpusetCpus: '2,3',
        CpusetMems: '1',
        Memory: 128,
        PortBindings: {
          '8000/tcp': [{ HostIp: '', HostPort: '' }],
          '53/udp': [{ HostIp: '127.0.0.1', HostPort: '5353' }],
        },
        Binds: ['/h:/c:ro'],
        Devices: [{ PathOnHost: '/dev/x', PathInContainer: '/dev/y', CgroupPermissions: 'rwm' }],
        DeviceRequests: [{ Driver: 'nvidia', Count: -1, Capabilities: [['gpu']] }],
        Ulimits: [{ Name: 'nofile', Soft: 1000, Hard: 1000 }],
        LogConfig: { Type: 'json-file', Config: { 'max-size': '10m' } },
      },
    });
  });

  it('maps inspect output, taking the first bound host port and no times for a never-run container', () => {
    const info = {
      Id: 'abc',
      Name: '/app-AI-1',
      Config: { Image: 'img:1', Labels: null, Env: null, Cmd: null, User: '' },
      State: {
        Status: 'created',
        Running: false,
        ExitCode: 0,
        StartedAt: '0001-01-01T00:00:00Z',
        FinishedAt: '0001-01-01T00:00:00Z',
      },
      NetworkSettings: {
        Ports: {
          '8000/tcp': [
            { HostIp: '0.0.0.0', HostPort: '32768' },
            { HostIp: '::', HostPort: '32768' },
          ],
          '9000/tcp': null,
        },
      },
      HostConfig: { CpusetCpus: '', CpusetMems: '', Memory: 0 },
    } as unknown as Docker.ContainerInspectInfo;
    expect(toDetails(info)).toMatchObject({
      id: 'abc',
      name: 'app-AI-1',
      labels: {},
      env: [],
      cmd: [],
      startedAt: undefined,
      ports: [{ containerPort: 8000, protocol: 'tcp', hostPort: 32768 }],
    });
  });

  it('sums network and block I/O counters over interfaces and devices', () => {
    const stats = {
      cpu_stats: { cpu_usage: { total_usage: 5 }, system_cpu_usage: 10, online_cpus: 2, throttling_data: {} },
      memory_stats: { usage: 100, max_usage: 150, limit: 1000 },
      networks: { eth0: { rx_bytes: 1, tx_bytes: 2 }, eth1: { rx_bytes: 10, tx_bytes: 20, rx_dropped: 3 } },
      blkio_stats: {
        io_service_bytes_recursive: [
          { op: 'read', value: 7 },
          { op: 'Write', value: 8 },
          { op: 'Read', value: 1 },
        ],
      },
      pids_stats: { current: 4 },
    } as unknown as Docker.ContainerStats;
    expect(toStats(stats)).toMatchObject({
      cpuTotalUsageNanos: 5,
      onlineCpus: 2,
      memoryLimitBytes: 1000,
      networkRxBytes: 11,
      networkTxBytes: 22,
      networkRxDropped: 3,
      blockReadBytes: 8,
      blockWriteBytes: 8,
      pids: 4,
    });
  });
});
