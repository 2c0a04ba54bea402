import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { defaultAuthSettings } from '../auth/auth-settings';
import { startWholeController, WholeController } from '../testing/whole-controller';
import { LimitsConfig } from './limits.config';

const LIMITS = Object.assign(new LimitsConfig(), {
  maxRequestBodyBytes: 4096,
  maxSpecBytes: 2048,
  maxEnvVars: 2,
  maxArgs: 2,
  maxConfigFiles: 2,
  maxInlineConfigBytes: 16,
  maxPageSize: 10,
});

const inline = (bytes: number) => ({
  type: 'INLINE',
  localFilename: `/files/${bytes}.txt`,
  data: Buffer.alloc(bytes, 'a').toString('base64'),
});
const spec = (extra: Record<string, unknown> = {}) => ({ ...minimalApplicationSpecJson(), ...extra });
const taskSpec = (extra: Record<string, unknown> = {}) => ({
  sourceAppName: 'batch',
  taskId: 't1',
  executable: { type: 'DOCKER', url: 'drove-test/task:latest', dockerPullTimeout: '100 seconds' },
  resources: [
    { type: 'CPU', count: 1 },
    { type: 'MEMORY', sizeInMB: 64 },
  ],
  ...extra,
});

/** Spec parts over exactly one limit each, and the line that names it. */
const OVER: [string, Record<string, unknown>, string][] = [
  [
    'env',
    { env: { A: '1', B: '2', C: '3' } },
    'number of env variables is 3, more than the limit of 2 (limits.maxEnvVars)',
  ],
  ['args', { args: ['a', 'b', 'c'] }, 'number of args is 3, more than the limit of 2 (limits.maxArgs)'],
  [
    'config files',
    { configs: [inline(1), inline(2), inline(3)] },
    'number of config files is 3, more than the limit of 2 (limits.maxConfigFiles)',
  ],
  [
    'inline config data',
    { configs: [inline(10), inline(7)] },
    'inline config data in bytes is 17, more than the limit of 16 (limits.maxInlineConfigBytes)',
  ],
  ['spec size', { tags: { note: 'x'.repeat(2048) } }, 'more than the limit of 2048 (limits.maxSpecBytes)'],
];

describe('limits (the whole controller with small limits)', () => {
  let ctl: WholeController;
  beforeAll(async () => {
    ctl = await startWholeController({ auth: defaultAuthSettings(), limits: LIMITS });
  });
  afterAll(() => ctl.app.close());

  const post = (url: string, payload: unknown) =>
    ctl.app.inject({ method: 'POST', url, payload: payload as object });
  const get = (url: string) => ctl.app.inject({ method: 'GET', url });

  it('answers a body over maxRequestBodyBytes with 413 in Drove envelope, stores nothing', async () => {
    const head = await ctl.store.headPosition();
    const res = await post('/apis/v1/applications/operations', {
      type: 'CREATE',
      spec: spec({ tags: { note: 'x'.repeat(5000) } }),
      opSpec: opSpecJson(),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      status: 'FAILED',
      data: { validationErrors: ['the request body is larger than 4096 bytes (limits.maxRequestBodyBytes)'] },
      message: 'Request body too large',
    });
    expect(await ctl.store.headPosition()).toBe(head);
  });

  describe.each([
    [
      'app CREATE',
      '/apis/v1/applications/operations',
      (s: object) => ({ type: 'CREATE', spec: s, opSpec: opSpecJson() }),
      spec,
    ],
    ['app validate', '/apis/v1/applications/validate/spec', (s: object) => s, spec],
    [
      'task CREATE',
      '/apis/v1/tasks/operations',
      (s: object) => ({ type: 'CREATE', spec: s, opSpec: opSpecJson() }),
      taskSpec,
    ],
    ['task validate', '/apis/v1/tasks/validate/spec', (s: object) => s, taskSpec],
  ])('%s', (_, url, body, base) => {
    it.each(OVER)(
      'refuses %s over its limit with 400, naming it, and stores nothing',
      async (__, extra, line) => {
        const head = await ctl.store.headPosition();
        const res = await post(url, body(base(extra)));
        expect(res.statusCode).toBe(400);
        const answer = res.json<{ status: string; message: string; data: { validationErrors: string[] } }>();
        expect(answer).toMatchObject({ status: 'FAILED', message: 'Command validation failure' });
        expect(answer.data.validationErrors).toEqual([expect.stringContaining(line)]);
        expect(await ctl.store.headPosition()).toBe(head);
      },
    );

    it('passes a spec at every limit (no limit named)', async () => {
      const atLimits = { env: { A: '1', B: '2' }, args: ['a', 'b'], configs: [inline(10), inline(6)] };
      const res = await post(url, body(base(atLimits)));
      // a task may still be refused for want of executors, never for a limit
      expect(res.body).not.toContain('limits.');
    });
  });

  it.each([
    '/apis/v1/applications?size=11',
    '/apis/v1/applications/x-1/instances/old?size=11',
    '/apis/v1/localservices?size=11',
    '/apis/v1/cluster/events/latest?size=11',
    '/apis/v1/cluster/events?size=11',
  ])('refuses %s over maxPageSize with 400 naming the limit', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      status: 'FAILED',
      data: { validationErrors: ['size is 11, more than the limit of 10 (limits.maxPageSize)'] },
      message: 'Command validation failure',
    });
  });

  it.each([
    '/apis/v1/applications',
    '/apis/v1/applications?size=10',
    '/apis/v1/applications/x-1/instances/old?size=10',
    '/apis/v1/localservices',
    '/apis/v1/localservices?size=10',
    '/apis/v1/cluster/events/latest',
    '/apis/v1/cluster/events/latest?size=10',
  ])('serves %s at or under the limit (the feed defaults to the limit)', async (url) => {
    expect((await get(url)).statusCode).toBe(200);
  });
});
