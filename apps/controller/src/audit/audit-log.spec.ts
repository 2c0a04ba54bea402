import { Module } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { MemoryEventStore } from '@drove/events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationsModule } from '../applications/applications.module';
import { defaultAuthSettings } from '../auth/auth-settings';
import { UserConfig } from '../config/controller-config';
import { CqrsModule } from '../cqrs/cqrs.module';
import { ExecutionModule } from '../executors/execution.module';
import { HttpEdgeModule } from '../http/http-edge.module';
import { LEADERSHIP_VIEW } from '../leadership/leadership-view';
import { TestFence } from '../testing/test-fence';
import { AUDIT_LOG, AuditLine, AuditLog } from './audit-log';
import { AuditLogConfig } from './audit-log.config';
import { AuditModule } from './audit.module';

const FENCE = '/drove/leader/c-0000000001';
const noExecutor = { send: () => Promise.resolve({ status: 'FAILED' as const, error: 'no executor' }) };
const OPERATIONS = '/apis/v1/applications/operations';
const basic = (name: string, password = 'pw') => ({
  authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`,
});

/** Applications and audit routes with basic auth (reader, writer) and the audit file on. */
async function startWithAuditFile(logFile: string): Promise<NestFastifyApplication> {
  const auth = defaultAuthSettings();
  const users = [
    ['reader', 'EXTERNAL_READ_ONLY'],
    ['writer', 'EXTERNAL_READ_WRITE'],
  ].map(([username, role]) => Object.assign(new UserConfig(), { username, password: 'pw', role }));
  Object.assign(auth.userAuth, { enabled: true, encoding: 'PLAIN', users });
  const store = new MemoryEventStore();
  store.grantFence(FENCE);
  const fence = new TestFence();
  fence.lead(FENCE);
  const leader = { isLeader: () => true, leaderBaseUrl: () => Promise.resolve('http://ctl:4000') };
  @Module({
    imports: [
      HttpEdgeModule.withLeadership({ provide: LEADERSHIP_VIEW, useValue: leader }, auth),
      CqrsModule.register({ store, fence, hostname: 'ctl' }),
      ApplicationsModule,
      ExecutionModule.register(noExecutor, false),
      AuditModule.register(Object.assign(new AuditLogConfig(), { enabled: true, logFile })),
    ],
  })
  class AuditTestModule {}
  const moduleRef = await Test.createTestingModule({ imports: [AuditTestModule] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
    logger: false,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('audit log file', () => {
  let dir: string;
  let app: NestFastifyApplication;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'drove-audit-'));
    app = await startWithAuditFile(join(dir, 'nested', 'audit.log'));
  });

  afterEach(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (body: unknown, headers: Record<string, string>) =>
    app.inject({ method: 'POST', url: OPERATIONS, payload: body as object, headers });
  const lines = async (): Promise<AuditLine[]> => {
    await app.get<AuditLog>(AUDIT_LOG).flushed();
    return readFileSync(join(dir, 'nested', 'audit.log'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditLine);
  };
  const create = { type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 0, opSpec: opSpecJson() };

  it('writes one line per accepted write and per denied request, credentials masked, reads not logged', async () => {
    expect((await post(create, basic('writer'))).statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/apis/v2/audit/events', headers: basic('reader') }))
        .statusCode,
    ).toBe(200);
    expect((await post(create, basic('reader'))).statusCode).toBe(403);
    expect((await post(create, basic('writer', 'guess'))).statusCode).toBe(401);
    expect((await post({ type: 'SCALE' }, basic('writer'))).statusCode).toBe(400);
    const [written, forbidden, refused, ...rest] = await lines();
    expect(rest).toEqual([]);
    expect(written).toMatchObject({
      kind: 'write',
      actor: 'writer',
      role: 'DROVE_EXTERNAL_READ_WRITE',
      method: 'POST',
      path: OPERATIONS,
      status: 200,
      appId: 'mini-1',
      operation: 'CREATE',
    });
    expect(written.headers).toBeUndefined();
    expect(forbidden).toMatchObject({ kind: 'denied', status: 403, actor: 'reader', path: OPERATIONS });
    expect(refused).toMatchObject({ kind: 'denied', status: 401, headers: { authorization: 'Basic ***' } });
    expect(refused.actor).toBeUndefined();
    expect(JSON.stringify([forbidden, refused])).not.toContain(
      Buffer.from('writer:guess').toString('base64'),
    );
  });
});
