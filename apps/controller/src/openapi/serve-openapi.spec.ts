import { Module } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { defaultAuthSettings } from '../auth/auth-settings';
import { PingController } from '../cluster/ping.controller';
import { UserConfig } from '../config/controller-config';
import { HttpEdgeModule } from '../http/http-edge.module';
import { LEADERSHIP_VIEW } from '../leadership/leadership-view';
import { serveOpenApi } from './serve-openapi';

describe('OpenAPI document and Swagger UI on the controller', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const auth = defaultAuthSettings();
    Object.assign(auth.userAuth, {
      enabled: true,
      encoding: 'PLAIN',
      users: [
        Object.assign(new UserConfig(), { username: 'ro', password: 'ro-pw', role: 'EXTERNAL_READ_ONLY' }),
      ],
    });
    // a follower with user auth on: the strictest case for the docs
    const leadership = { isLeader: () => false, leaderBaseUrl: () => Promise.resolve('http://ctl-2:4010') };
    @Module({
      imports: [HttpEdgeModule.withLeadership({ provide: LEADERSHIP_VIEW, useValue: leadership }, auth)],
      controllers: [PingController],
    })
    class TestModule {}
    const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    serveOpenApi(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  it('serves the document on a follower, without credentials', async () => {
    const res = await app.inject({ method: 'GET', url: '/apis/openapi.json' });
    expect(res.statusCode).toBe(200);
    const document = res.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(['/apis/v1/ping']);
    expect(document.components.securitySchemes).toEqual({
      basic: { type: 'http', scheme: 'basic' },
      cluster: { type: 'apiKey', in: 'header', name: 'Cluster-Authorization' },
      instance: { type: 'apiKey', in: 'header', name: 'App-Instance-Authorization' },
    });
  });

  it('serves the same document as YAML', async () => {
    const res = await app.inject({ method: 'GET', url: '/apis/openapi.yaml' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^openapi: 3\./m);
    expect(res.body).toContain('/apis/v1/ping:');
  });

  it('serves Swagger UI on a follower, without credentials', async () => {
    const res = await app.inject({ method: 'GET', url: '/apis/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('swagger-ui');
  });

  it('keeps the API itself behind auth and the leader check', async () => {
    expect((await app.inject({ method: 'GET', url: '/apis/v1/ping' })).statusCode).toBe(401);
    const basic = `Basic ${Buffer.from('ro:ro-pw').toString('base64')}`;
    const res = await app.inject({ method: 'GET', url: '/apis/v1/ping', headers: { authorization: basic } });
    expect(res.statusCode).toBe(400);
  });
});
