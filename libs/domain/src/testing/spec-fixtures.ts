// Complete Drove spec JSON, written from Drove's reference (every field set), for round-trip and decider tests.

const check = (portName: string) => ({
  mode: {
    type: 'HTTP',
    protocol: 'HTTP',
    portName,
    path: '/',
    verb: 'GET',
    successCodes: [200],
    payload: '',
    connectionTimeout: '1 second',
    insecure: false,
  },
  timeout: '1 second',
  interval: '3 seconds',
  attempts: 3,
  initialDelay: '0 seconds',
});

const deployableFields = () => ({
  executable: { type: 'DOCKER', url: 'drove-test/http-server:latest', dockerPullTimeout: '100 seconds' },
  volumes: [{ pathInContainer: '/data', pathOnHost: '/mnt/data', mode: 'READ_WRITE' }],
  configs: [
    { type: 'INLINE', localFilename: '/files/inline.txt', data: 'aGVsbG8gd29ybGQ=' },
    { type: 'EXECUTOR_LOCAL_FILE', localFilename: '/files/local.txt', filePathOnHost: '/etc/hostname' },
    {
      type: 'CONTROLLER_HTTP_FETCH',
      localFilename: '/files/controller.txt',
      http: {
        protocol: 'HTTP',
        hostname: 'config.local',
        port: 8080,
        path: '/config',
        verb: 'POST',
        successCodes: [200, 201],
        payload: '{}',
        connectionTimeout: '1 second',
        operationTimeout: '2 seconds',
        username: 'user',
        password: 'secret',
        authHeader: 'Bearer x',
        headers: { 'X-Env': 'test' },
        insecure: true,
      },
    },
    {
      type: 'EXECUTOR_HTTP_FETCH',
      localFilename: '/files/executor.txt',
      http: { protocol: 'HTTPS', hostname: 'config.local', port: 0, path: '/', verb: 'GET' },
    },
  ],
  logging: { type: 'LOCAL', maxSize: '100m', maxFiles: 3, compress: true },
  resources: [
    { type: 'CPU', count: 1 },
    { type: 'MEMORY', sizeInMB: 128 },
  ],
  placementPolicy: {
    type: 'COMPOSITE',
    policies: [
      { type: 'ONE_PER_HOST' },
      { type: 'MATCH_TAG', tag: 'gpu' },
      { type: 'RULE_BASED', rule: 'true', ruleType: 'MVEL' },
    ],
    combiner: 'AND',
  },
  tags: { owner: 'team-a' },
  env: { CORES: '8', FROM_EXECUTOR: '' },
  args: ['-v'],
  devices: [
    { type: 'DIRECT', pathOnHost: '/dev/fuse', pathInContainer: '/dev/fuse', permissions: 'ALL' },
    { type: 'DETAILED', driver: 'nvidia', count: 1, deviceIds: ['0'], capabilities: [['gpu']], options: {} },
  ],
  userSpec: { user: '1000', group: '1000' },
});

const serviceFields = () => ({
  exposedPorts: [
    { name: 'main', port: 8000, type: 'HTTP' },
    { name: 'admin', port: 8001, type: 'HTTP' },
  ],
  type: 'SERVICE',
  healthcheck: check('main'),
  readiness: check('main'),
  preShutdown: {
    hooks: [
      { type: 'HTTP', protocol: 'HTTP', portName: 'main', path: '/stop', verb: 'GET', successCodes: [200] },
      { type: 'CMD', command: 'sleep 1', shellDisabled: false },
    ],
    waitBeforeKill: '3 seconds',
  },
});

export const applicationSpecJson = () => ({
  name: 'test-app',
  version: '1',
  ...deployableFields(),
  ...serviceFields(),
  exposureSpec: { vhost: 'test-app.local', portName: 'main', mode: 'ALL' },
});

export const taskSpecJson = () => ({
  sourceAppName: 'test-app',
  taskId: 'T0001',
  ...deployableFields(),
  executable: { type: 'DOCKER', url: 'drove-test/task:latest', dockerPullTimeout: '100 seconds' },
  placementPolicy: { type: 'ANY' },
});

export const localServiceSpecJson = () => ({
  name: 'test-service',
  version: '1',
  ...deployableFields(),
  ...serviceFields(),
  type: 'LOCAL_SERVICE',
  placementPolicy: { type: 'LOCAL', hostLevel: false },
});

// The smallest valid application spec: only required fields.
export const minimalApplicationSpecJson = () => ({
  name: 'mini',
  version: '1',
  executable: { type: 'DOCKER', url: 'drove-test/http-server:latest', dockerPullTimeout: '100 seconds' },
  exposedPorts: [{ name: 'main', port: 8000, type: 'HTTP' }],
  type: 'SERVICE',
  resources: [
    { type: 'CPU', count: 1 },
    { type: 'MEMORY', sizeInMB: 64 },
  ],
  healthcheck: check('main'),
  readiness: check('main'),
});

export const opSpecJson = () => ({ timeout: '5 minutes', parallelism: 1, failureStrategy: 'STOP' });
