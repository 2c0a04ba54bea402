import { StoredEvent } from '@drove/events';
import {
  localServiceSpecJson,
  minimalApplicationSpecJson,
  opSpecJson,
  taskSpecJson,
} from '@drove/domain/testing/spec-fixtures';
import { defaultAuthSettings } from '../auth/auth-settings';
import { parseConfig } from '@drove/config';
import { ControllerConfig } from '../config/controller-config';
import { startWholeController, WholeController } from '../testing/whole-controller';
import { clusterOptionsSettingsOf } from './cluster-options.config';

type Json = Record<string, unknown>;

/** The whole controller as main.ts builds it from a YAML `options` block. */
const startWith = (optionsYaml: string): Promise<WholeController> => {
  const { options } = parseConfig(ControllerConfig, `options:\n${optionsYaml}`, 'c.yml', {});
  return startWholeController({
    auth: defaultAuthSettings(),
    clusterOptions: clusterOptionsSettingsOf(options),
  });
};

const volume = (pathOnHost: string) => ({
  volumes: [{ pathInContainer: '/data', pathOnHost, mode: 'READ_WRITE' }],
});
const DEVICE = { devices: [{ type: 'DIRECT', pathOnHost: '/dev/fuse', pathInContainer: '/dev/fuse' }] };
const NONE = { args: [], devices: [], volumes: [], configs: [] };

// Each spec kind's validate endpoint, its spec with no args, devices, volumes or configs of its own.
const KINDS: [string, string, (patch: Json) => Json][] = [
  ['app', '/apis/v1/applications/validate/spec', (p) => ({ ...minimalApplicationSpecJson(), ...p })],
  ['task', '/apis/v1/tasks/validate/spec', (p) => ({ ...taskSpecJson(), ...NONE, ...p })],
  [
    'local service',
    '/apis/v1/localservices/validate/spec',
    (p) => ({ ...localServiceSpecJson(), ...NONE, ...p }),
  ],
];

const REFUSED: [string, Json, string][] = [
  ['docker socket', volume('/var/run/docker.sock'), 'non whitelisted host directory: /var/run/docker.sock'],
  ['path traversal', volume('/allowed/../etc'), 'non whitelisted host directory: /allowed/../etc'],
  ['args', { args: ['sh'] }, 'Passing command line to containers is disabled on this cluster'],
  [
    'devices',
    DEVICE,
    'Device access is disabled. To enable, set enableRawDeviceAccess: true in controller options.',
  ],
];

describe('a controller configured with allowedMountDirs and disableCmdlArgs', () => {
  let ctl: WholeController;
  beforeAll(async () => {
    ctl = await startWith(
      '  allowedMountDirs: [/allowed]\n  disableCmdlArgs: true\n  clusterOpTimeout: 45 seconds\n  clusterOpParallelism: 3',
    );
  });
  afterAll(() => ctl.app.close());

  const post = (url: string, payload: Json) => ctl.app.inject({ method: 'POST', url, payload });

  describe.each(KINDS)('%s spec', (_kind, url, spec) => {
    it.each(REFUSED)('when it asks for %s, then 400 naming the rule', async (_name, patch, message) => {
      const res = await post(url, spec(patch));
      expect(res.statusCode).toBe(400);
      expect(res.json<{ data: { validationErrors: string[] } }>().data.validationErrors).toEqual([
        expect.stringContaining(message),
      ]);
    });

    it('when it mounts below an allowed directory, then the options let it through', async () => {
      const res = await post(url, spec(volume('/allowed/data')));
      // a task is then checked against the cluster, which has no executors here
      const rest = url.startsWith('/apis/v1/tasks') ? ['No executors on cluster'] : undefined;
      expect(res.json<{ data: { validationErrors?: string[] } }>().data.validationErrors).toEqual(rest);
    });
  });

  it('when a CREATE asks for a refused mount, then nothing is stored', async () => {
    const head = await ctl.store.headPosition();
    const res = await post('/apis/v1/applications/operations', {
      type: 'CREATE',
      spec: { ...minimalApplicationSpecJson(), ...volume('/etc') },
      instances: 0,
      opSpec: opSpecJson(),
    });
    expect(res.statusCode).toBe(400);
    expect(await ctl.store.headPosition()).toBe(head);
  });

  it('when a RECOVER comes (it has no opSpec), then it runs with clusterOpTimeout and clusterOpParallelism', async () => {
    const spec = minimalApplicationSpecJson();
    const created = await post('/apis/v1/applications/operations', {
      type: 'CREATE',
      spec,
      instances: 0,
      opSpec: opSpecJson(),
    });
    expect(created.statusCode).toBe(200);
    const { appId } = created.json<{ data: { appId: string } }>().data;
    const head = await ctl.store.headPosition();
    expect((await post('/apis/v1/applications/operations', { type: 'RECOVER', appId })).statusCode).toBe(200);
    const events: StoredEvent[] = await ctl.store.readAll(head + 1, 100);
    expect(events.map((e) => (e.data as { opSpec?: unknown }).opSpec).filter(Boolean)).toContainEqual({
      timeout: '45 seconds',
      parallelism: 3,
      failureStrategy: 'STOP',
    });
  });
});

describe('a controller configured with enableRawDeviceAccess', () => {
  let ctl: WholeController;
  beforeAll(async () => {
    ctl = await startWith('  enableRawDeviceAccess: true');
  });
  afterAll(() => ctl.app.close());

  it('when an app spec asks for a device, then it is accepted', async () => {
    const res = await ctl.app.inject({
      method: 'POST',
      url: '/apis/v1/applications/validate/spec',
      payload: { ...minimalApplicationSpecJson(), ...DEVICE },
    });
    expect(res.statusCode).toBe(200);
  });
});
