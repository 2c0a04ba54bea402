import { parseApplicationSpec, parseLocalServiceSpec, parseTaskSpec } from './parse-specs';
import { Parsed } from './wire';
import {
  applicationSpecJson,
  localServiceSpecJson,
  minimalApplicationSpecJson,
  taskSpecJson,
} from '../testing/spec-fixtures';

type Json = Record<string, unknown>;

// Sets a dotted path (`a.b[0].c`) in a copy of the fixture; undefined deletes it.
const withField = (json: Json, path: string, v: unknown): Json => {
  const copy = JSON.parse(JSON.stringify(json)) as Json;
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (v === undefined) delete node[last];
  else node[last] = v;
  return copy;
};

const failure = (parsed: Parsed<unknown>) => (parsed.ok ? { kind: 'OK', errors: [] } : parsed);

const NAME = '"[a-zA-Z\\d\\-_]*"';

// [path, invalid value, exact error]; each path also gets a valid value check through the fixture itself.
const APP_CASES: [string, unknown, string][] = [
  ['name', '', 'name - Application name is mandatory'],
  ['name', undefined, 'name - Application name is mandatory'],
  ['name', 'bad name', `name must match ${NAME}`],
  ['version', '', 'version - App version is mandatory'],
  ['version', 'v/1', `version must match ${NAME}`],
  ['executable', undefined, 'executable must not be null'],
  ['executable.url', '', 'executable.url must not be empty'],
  ['executable.dockerPullTimeout', undefined, 'executable.dockerPullTimeout must not be null'],
  ['exposedPorts', [], 'exposedPorts must not be empty'],
  ['exposedPorts', undefined, 'exposedPorts must not be empty'],
  ['exposedPorts[0].name', '', 'exposedPorts[0].name must not be empty'],
  ['exposedPorts[0].name', 'a b', 'exposedPorts[0].name must match "[a-zA-Z0-9\\-_]*"'],
  ['exposedPorts[0].port', 0, 'exposedPorts[0].port must be greater than or equal to 1'],
  ['exposedPorts[0].port', 65536, 'exposedPorts[0].port must be less than or equal to 65535'],
  ['exposedPorts[0].type', undefined, 'exposedPorts[0].type must not be null'],
  ['exposedPorts[0].port', undefined, 'exposedPorts[0].port must be greater than or equal to 1'],
  ['healthcheck.attempts', undefined, 'healthcheck.attempts must be greater than or equal to 1'],
  ['logging.maxFiles', undefined, 'logging.maxFiles must be greater than or equal to 1'],
  ['placementPolicy', { type: 'MAX_N_PER_HOST' }, 'placementPolicy.max must be greater than or equal to 1'],
  ['volumes[0].pathInContainer', '', 'volumes[0].pathInContainer must not be empty'],
  ['volumes[0].pathOnHost', '', 'volumes[0].pathOnHost must not be empty'],
  ['volumes[0].mode', undefined, 'volumes[0].mode must not be null'],
  ['configs[0].localFilename', '', 'configs[0].localFilename must not be empty'],
  ['configs[0].data', '', 'configs[0].data must not be empty'],
  ['configs[1].filePathOnHost', '', 'configs[1].filePathOnHost must not be empty'],
  ['configs[2].http', undefined, 'configs[2].http must not be null'],
  ['configs[2].http.hostname', '', 'configs[2].http.hostname must not be empty'],
  ['configs[2].http.port', 70000, 'configs[2].http.port must be less than or equal to 65535'],
  ['type', undefined, 'type must not be null'],
  ['logging.maxSize', '', 'logging.maxSize must not be empty'],
  ['logging.maxFiles', 0, 'logging.maxFiles must be greater than or equal to 1'],
  ['logging.maxFiles', 101, 'logging.maxFiles must be less than or equal to 100'],
  ['resources', [], 'resources must not be empty'],
  ['resources[0].count', undefined, 'resources[0].count must not be null'],
  ['resources[1].sizeInMB', -1, 'resources[1].sizeInMB must be greater than or equal to 0'],
  ['placementPolicy.policies', [], 'placementPolicy.policies must not be empty'],
  ['placementPolicy.policies[1].tag', '', 'placementPolicy.policies[1].tag must not be empty'],
  ['placementPolicy.policies[2].rule', '', 'placementPolicy.policies[2].rule must not be empty'],
  [
    'placementPolicy.policies[2].ruleType',
    undefined,
    'placementPolicy.policies[2].ruleType must not be null',
  ],
  ['healthcheck', undefined, 'healthcheck must not be null'],
  ['healthcheck.mode', undefined, 'healthcheck.mode must not be null'],
  ['healthcheck.timeout', undefined, 'healthcheck.timeout must not be null'],
  ['healthcheck.interval', undefined, 'healthcheck.interval must not be null'],
  ['healthcheck.attempts', 0, 'healthcheck.attempts must be greater than or equal to 1'],
  ['healthcheck.attempts', 101, 'healthcheck.attempts must be less than or equal to 100'],
  ['healthcheck.mode.portName', '', 'healthcheck.mode.portName must not be empty'],
  ['healthcheck.mode.path', '', 'healthcheck.mode.path must not be empty'],
  ['healthcheck.mode.verb', undefined, 'healthcheck.mode.verb must not be null'],
  ['healthcheck.mode.successCodes', [], 'healthcheck.mode.successCodes must not be empty'],
  ['healthcheck.mode.protocol', undefined, 'healthcheck.mode.protocol must not be null'],
  ['readiness', undefined, 'readiness must not be null'],
  ['readiness.attempts', 0, 'readiness.attempts must be greater than or equal to 1'],
  ['preShutdown.hooks[1].command', '', 'preShutdown.hooks[1].command must not be empty'],
  ['exposureSpec.vhost', '', 'exposureSpec.vhost must not be empty'],
  ['exposureSpec.portName', '', 'exposureSpec.portName must not be empty'],
  ['devices[0].pathOnHost', '', 'devices[0].pathOnHost must not be empty'],
  ['userSpec.user', '', 'userSpec.user must not be empty'],
  ['args', new Array(2049).fill('a'), 'args size must be between 0 and 2048'],
  ['logging', { type: 'RSYSLOG', server: '' }, 'logging.server must not be empty'],
  ['healthcheck.mode', { type: 'CMD', command: '' }, 'healthcheck.mode.command must not be empty'],
  [
    'placementPolicy',
    { type: 'MAX_N_PER_HOST', max: 65 },
    'placementPolicy.max must be less than or equal to 64',
  ],
  ['configs[2].http.port', -1, 'configs[2].http.port must be greater than or equal to 0'],
  ['exposedPorts[0].port', 80.5, 'exposedPorts[0].port must be an integer'],
  ['executable.url', undefined, 'executable.url must not be empty'],
];

describe('ApplicationSpec field validation', () => {
  it('accepts the complete fixture', () => {
    expect(failure(parseApplicationSpec(applicationSpecJson())).errors).toEqual([]);
  });

  it.each(APP_CASES)('%s = %j fails with "%s"', (path, v, message) => {
    const parsed = parseApplicationSpec(withField(applicationSpecJson(), path, v));
    expect(failure(parsed)).toMatchObject({ kind: 'VALIDATION' });
    expect(failure(parsed).errors).toContain(message);
  });

  it.each([
    ['name', 'app_1-x'],
    ['exposedPorts[0].port', 65535],
    ['healthcheck.attempts', 100],
    ['logging', { type: 'RSYSLOG', server: 'udp://h:514' }],
    ['placementPolicy', { type: 'MAX_N_PER_HOST', max: 64 }],
    ['placementPolicy', { type: 'NO_TAG' }],
    ['placementPolicy', { type: 'ANY' }],
    ['healthcheck.mode', { type: 'CMD', command: 'true' }],
    ['executable.dockerPullTimeout', '15 minutes'],
    ['devices', undefined],
    ['volumes[0].mode', 'read-only'],
    ['configs[0].data', 'aGk'],
    ['exposureSpec.mode', 'one'],
    ['placementPolicy', { type: 'LOCAL' }],
    ['configs[2].http.port', 0],
    ['healthcheck.initialDelay', undefined],
    ['preShutdown', undefined],
    ['userSpec.group', undefined],
  ])('%s = %j is accepted', (path, v) => {
    expect(failure(parseApplicationSpec(withField(applicationSpecJson(), path, v))).errors).toEqual([]);
  });

  it.each([
    ['placementPolicy.type', 'NEAR', /Could not resolve type id 'NEAR' as a subtype of PlacementPolicy/],
    ['resources[0].type', 'GPU', /Could not resolve type id 'GPU' as a subtype of ResourceRequirement/],
    ['configs[0].type', 'FILE', /as a subtype of ConfigSpec/],
    ['healthcheck.mode.type', 'TCP', /as a subtype of CheckModeSpec/],
    [
      'exposedPorts[0].type',
      'SCTP',
      /not one of the values accepted for Enum class: \[HTTP, HTTPS, TCP, UDP\]/,
    ],
    ['healthcheck.timeout', '5', /Invalid duration: "5"/],
    ['healthcheck.timeout', 5, /Invalid duration: 5/],
    ['healthcheck.timeout', '5 Seconds', /Invalid duration/],
    ['placementPolicy.combiner', 'XOR', /Enum class: \[AND, OR\]/],
    ['placementPolicy.policies[2].ruleType', 'JS', /Enum class: \[HOPE, MVEL\]/],
    ['volumes[0].mode', 'RW', /Enum class: \[READ_WRITE, READ_ONLY\]/],
    ['type', 'BATCH', /Enum class: \[SERVICE, COMPUTATION, LOCAL_SERVICE\]/],
    ['configs[2].http.protocol', 'FTP', /Enum class: \[HTTP, HTTPS\]/],
    ['configs[2].http.verb', 'DELETE', /Enum class: \[GET, POST, PUT\]/],
    ['configs[2].http.operationTimeout', 'soon', /Invalid duration: "soon"/],
    ['healthcheck.mode.verb', 'PATCH', /Enum class: \[GET, POST, PUT\]/],
    ['exposureSpec.mode', 'SOME', /Enum class: \[ALL, ONE\]/],
    ['devices[0].permissions', 'RX', /Enum class: \[READ_ONLY, WRITE_ONLY, MKNOD_ONLY, ALL, READ_WRITE\]/],
    ['devices[1].type', 'USB', /as a subtype of DeviceSpec/],
    ['logging.type', 'FILE', /as a subtype of LoggingSpec/],
    ['executable.type', 'OCI', /as a subtype of ExecutableCoordinates/],
    ['preShutdown.waitBeforeKill', '3', /Invalid duration/],
    ['healthcheck.initialDelay', '1 fortnight', /Invalid duration/],
    ['configs[0].type', undefined, /missing type id property 'type'/],
    ['configs[0].data', 'not base64!', /Failed to decode VALUE_STRING as base64/],
    ['configs[0].data', 42, /Failed to decode VALUE_STRING as base64/],
    ['exposedPorts[0].port', 'eighty', /Cannot deserialize value of type `int` from String "eighty"/],
    ['env', { A: { nested: true } }, /java.lang.String` from Object value \(key "A"\)/],
    ['tags', ['a'], /java.util.Map/],
    ['configs[2].http.headers', { H: [1] }, /from Array value/],
  ])('%s = %j is a JSON mapping failure', (path, v, message) => {
    const parsed = parseApplicationSpec(withField(applicationSpecJson(), path, v));
    expect(parsed).toMatchObject({ ok: false, kind: 'JSON' });
    expect(failure(parsed).errors[0]).toMatch(message);
  });

  it('reports every broken field at once', () => {
    const parsed = parseApplicationSpec(
      withField(withField(minimalApplicationSpecJson(), 'name', ''), 'version', ''),
    );
    expect(failure(parsed).errors).toEqual(
      expect.arrayContaining(['name - Application name is mandatory', 'version - App version is mandatory']),
    );
  });
});

describe('TaskSpec and LocalServiceSpec field validation', () => {
  it.each([
    ['sourceAppName', '', 'sourceAppName - Source Application name is mandatory'],
    ['sourceAppName', 'a.b', `sourceAppName must match ${NAME}`],
    ['taskId', '', 'taskId - Task ID is mandatory'],
    ['taskId', 'x y', `taskId must match ${NAME}`],
    ['executable', undefined, 'executable must not be null'],
    ['resources', [], 'resources must not be empty'],
  ])('task %s = %j fails with "%s"', (path, v, message) => {
    expect(failure(parseTaskSpec(withField(taskSpecJson(), path, v))).errors).toContain(message);
  });

  it.each([
    ['name', '', 'name - Service name is mandatory'],
    ['version', '', 'version - Service version is mandatory'],
    ['exposedPorts', [], 'exposedPorts must not be empty'],
    ['healthcheck', undefined, 'healthcheck must not be null'],
  ])('local service %s = %j fails with "%s"', (path, v, message) => {
    expect(failure(parseLocalServiceSpec(withField(localServiceSpecJson(), path, v))).errors).toContain(
      message,
    );
  });

  it('accepts the complete task and local service fixtures', () => {
    expect(failure(parseTaskSpec(taskSpecJson())).errors).toEqual([]);
    expect(failure(parseLocalServiceSpec(localServiceSpecJson())).errors).toEqual([]);
  });
});
