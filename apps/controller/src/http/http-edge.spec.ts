import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { PingController } from '../cluster/ping.controller';
import { LEADERSHIP_VIEW, LeadershipView } from '../leadership/leadership-view';
import { CommandValidationError } from './drove-errors';
import { HttpEdgeModule } from './http-edge.module';

@Controller('apis')
class ProbeController {
  @Post('v1/probe/echo')
  echo(@Body() body: unknown): unknown {
    return body;
  }

  @Post('v1/probe/invalid')
  invalid(): never {
    throw new CommandValidationError(['name Application name is mandatory']);
  }

  @Get('v1/probe/crash')
  crash(): never {
    throw new Error('disk on fire');
  }
}

class FakeLeadership implements LeadershipView {
  leader = true;
  isLeader(): boolean {
    return this.leader;
  }
  leaderBaseUrl(): Promise<string | null> {
    return Promise.resolve('http://ctl-2:4010');
  }
}

describe('HTTP edge: Drove status codes and bodies', () => {
  let app: NestFastifyApplication;
  const leadership = new FakeLeadership();

  beforeAll(async () => {
    @Module({
      imports: [HttpEdgeModule.withLeadership({ provide: LEADERSHIP_VIEW, useValue: leadership })],
      controllers: [PingController, ProbeController],
    })
    class TestModule {}
    const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());
  beforeEach(() => {
    leadership.leader = true;
  });

  const call = (method: 'GET' | 'POST', url: string, payload?: string) =>
    app.inject({ method, url, payload, headers: payload ? { 'content-type': 'application/json' } : {} });

  it('answers ping with pong on the leader', async () => {
    const res = await call('GET', '/apis/v1/ping');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'SUCCESS', data: 'pong', message: 'success' });
  });

  it('answers every API route on a follower with 400 not-leader, ping included', async () => {
    leadership.leader = false;
    for (const [method, url] of [
      ['GET', '/apis/v1/ping'],
      ['POST', '/apis/v1/probe/invalid'],
    ] as const) {
      const res = await call(method, url);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ status: 'FAILED', message: 'This node is not the leader controller' });
    }
  });

  it('keeps unknown paths 404 on a follower', async () => {
    leadership.leader = false;
    expect((await call('GET', '/apis/v1/nope')).statusCode).toBe(404);
  });

  it('answers malformed JSON with 400 JSON validation failure and the parser message', async () => {
    const res = await call('POST', '/apis/v1/probe/echo', '{"name": ');
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ status: 'FAILED', message: 'JSON validation failure' });
    expect(body.data.validationErrors).toHaveLength(1);
    expect(body.data.validationErrors[0]).toMatch(/not valid JSON/);
  });

  it('answers a rejected command with 400 Command validation failure and the validation errors', async () => {
    const res = await call('POST', '/apis/v1/probe/invalid');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      status: 'FAILED',
      data: { validationErrors: ['name Application name is mandatory'] },
      message: 'Command validation failure',
    });
  });

  it('answers an unexpected error with 500 and its message under data.failure', async () => {
    const res = await call('GET', '/apis/v1/probe/crash');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      status: 'FAILED',
      data: { failure: 'disk on fire' },
      message: 'Unexpected Server error',
    });
  });
});
