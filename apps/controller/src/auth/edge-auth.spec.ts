import { Controller, Get, HttpCode, LoggerService, Module, Post, Req } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { hashSync } from 'bcryptjs';
import type { FastifyRequest } from 'fastify';
import { UserAuthConfig, UserConfig } from '../config/controller-config';
import { HttpEdgeModule } from '../http/http-edge.module';
import { LEADERSHIP_VIEW, LeadershipView } from '../leadership/leadership-view';
import { AuthSettings, defaultAuthSettings } from './auth-settings';
import { principalOf } from './principal';
import { RouteAccess, Roles } from './route-access';

@Controller('apis/v1/probe')
class ProbeController {
  @Get('any')
  @Roles('ANY')
  any(): string {
    return 'ok';
  }

  @Get('read')
  read(@Req() request: FastifyRequest): string {
    return principalOf(request)?.name ?? 'nobody';
  }

  @Get('logs')
  @Roles('LOGS')
  logs(): string {
    return 'ok';
  }

  @Post('rw')
  @HttpCode(200)
  @Roles('RW')
  rw(): string {
    return 'ok';
  }

  @Post('maint')
  @HttpCode(200)
  @Roles('MAINT')
  maint(): string {
    return 'ok';
  }

  @Post('node')
  @HttpCode(200)
  @Roles('NODE')
  node(): string {
    return 'ok';
  }

  @Get('appi')
  @Roles('APPI')
  appi(): string {
    return 'ok';
  }
}

const ROUTES: Record<RouteAccess, ['GET' | 'POST', string]> = {
  ANY: ['GET', '/apis/v1/probe/any'],
  READ: ['GET', '/apis/v1/probe/read'],
  LOGS: ['GET', '/apis/v1/probe/logs'],
  RW: ['POST', '/apis/v1/probe/rw'],
  MAINT: ['POST', '/apis/v1/probe/maint'],
  NODE: ['POST', '/apis/v1/probe/node'],
  APPI: ['GET', '/apis/v1/probe/appi'],
};
const CLASSES = Object.keys(ROUTES) as RouteAccess[];

class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log = (message: unknown) => this.lines.push(String(message));
  warn = (message: unknown) => this.lines.push(String(message));
  error = (message: unknown) => this.lines.push(String(message));
}

const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});
const EXECUTOR = { 'cluster-authorization': 'DefaultExecutorSecret', nodeid: 'exec-1' };
const CONTROLLER = { 'cluster-authorization': 'DefaultControllerSecret', nodeid: 'ctl-2' };

function user(username: string, password: string, role: string): UserConfig {
  return Object.assign(new UserConfig(), { username, password, role });
}

function settings(userAuth: Partial<UserAuthConfig>, disableReadAuth = false): AuthSettings {
  const base = defaultAuthSettings();
  Object.assign(base.userAuth, userAuth);
  base.options.disableReadAuth = disableReadAuth;
  return base;
}

const PLAIN_USERS = [
  user('root', 'root-pw', 'EXTERNAL_ROOT'),
  user('rw', 'rw-pw', 'EXTERNAL_READ_WRITE'),
  user('maint', 'maint-pw', 'DROVE_EXTERNAL_MAINTENANCE'),
  user('ro', 'ro-pw', 'EXTERNAL_READ_ONLY'),
];

describe('HTTP edge auth', () => {
  let leading = true;
  const leadership: LeadershipView = {
    isLeader: () => leading,
    leaderBaseUrl: () => Promise.resolve(null),
  };
  const logger = new CapturingLogger();
  const apps: NestFastifyApplication[] = [];

  async function start(auth: AuthSettings): Promise<NestFastifyApplication> {
    @Module({
      imports: [HttpEdgeModule.withLeadership({ provide: LEADERSHIP_VIEW, useValue: leadership }, auth)],
      controllers: [ProbeController],
    })
    class TestModule {}
    const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    apps.push(app);
    return app;
  }

  const call = (app: NestFastifyApplication, access: RouteAccess, headers: Record<string, string> = {}) => {
    const [method, url] = ROUTES[access];
    return app.inject({ method, url, headers });
  };

  afterAll(() => Promise.all(apps.map((app) => app.close())));
  beforeEach(() => {
    leading = true;
  });

  describe('basic auth (PLAIN): the role matrix', () => {
    let app: NestFastifyApplication;
    beforeAll(async () => {
      app = await start(settings({ enabled: true, encoding: 'PLAIN', users: PLAIN_USERS }));
    });

    const matrix: [string, Record<string, string>, RouteAccess[]][] = [
      ['root', basic('root', 'root-pw'), ['ANY', 'READ', 'LOGS', 'RW', 'MAINT']],
      ['read-write', basic('rw', 'rw-pw'), ['ANY', 'READ', 'LOGS', 'RW']],
      ['maintenance', basic('maint', 'maint-pw'), ['ANY', 'READ', 'MAINT']],
      ['read-only', basic('ro', 'ro-pw'), ['ANY', 'READ', 'LOGS']],
      ['an executor secret', EXECUTOR, ['ANY', 'NODE']],
      ['a controller secret', CONTROLLER, ['ANY', 'NODE']],
    ];
    const cases = matrix.flatMap(([who, headers, allowed]) =>
      CLASSES.map((access) => [who, access, allowed.includes(access) ? 200 : 403, headers] as const),
    );

    it.each(cases)('%s calling %s -> %i', async (_, access, status, headers) => {
      const res = await call(app, access, headers);
      expect(res.statusCode).toBe(status);
      if (status === 403) expect(res.body).toBe('');
    });

    it.each([
      ['no credentials', {}],
      ['a wrong password', basic('rw', 'root-pw')],
      ['an unknown user', basic('nobody', 'rw-pw')],
      ['a wrong cluster secret', { 'cluster-authorization': 'guess', nodeid: 'x' }],
    ])('answers %s with 401 and a basic challenge on every route', async (_, headers) => {
      for (const access of CLASSES) {
        const res = await call(app, access, headers);
        expect(res.statusCode).toBe(401);
        expect(res.headers['www-authenticate']).toBe('Basic realm="drove"');
        expect(res.body).toBe('Credentials are required to access this resource.');
      }
    });

    it('hands the principal to the route', async () => {
      expect((await call(app, 'READ', basic('maint', 'maint-pw'))).body).toBe('maint');
      expect((await call(app, 'ANY', EXECUTOR)).statusCode).toBe(200);
    });

    it('on a follower: 401 without credentials, 403 for the wrong role, 400 not-leader only once allowed', async () => {
      leading = false;
      expect((await call(app, 'RW')).statusCode).toBe(401);
      expect((await call(app, 'RW', basic('rw', 'wrong'))).statusCode).toBe(401);
      expect((await call(app, 'RW', basic('ro', 'ro-pw'))).statusCode).toBe(403);
      const allowed = await call(app, 'RW', basic('rw', 'rw-pw'));
      expect(allowed.statusCode).toBe(400);
      expect(allowed.json()).toEqual({ status: 'FAILED', message: 'This node is not the leader controller' });
      expect((await call(app, 'ANY', EXECUTOR)).statusCode).toBe(400);
    });

    it('keeps unknown paths 404 without credentials', async () => {
      expect((await app.inject({ method: 'GET', url: '/apis/v1/nope' })).statusCode).toBe(404);
    });

    it('logs refusals with credentials masked', async () => {
      logger.lines.length = 0;
      await call(app, 'RW', basic('rw', 'hunter2-typo'));
      await call(app, 'NODE', { 'cluster-authorization': 'not-the-secret' });
      await call(app, 'NODE', basic('rw', 'rw-pw'));
      const logged = logger.lines.join('\n');
      expect(logged).toContain('401 POST /apis/v1/probe/rw');
      expect(logged).toContain('authorization: Basic ***');
      expect(logged).toContain('cluster-authorization: ***');
      expect(logged).toContain('403 POST /apis/v1/probe/node: rw (DROVE_EXTERNAL_READ_WRITE) is not NODE');
      for (const secret of [
        'hunter2',
        'not-the-secret',
        'rw-pw',
        basic('rw', 'hunter2-typo').authorization,
      ]) {
        expect(logged).not.toContain(secret);
      }
    });
  });

  describe('basic auth (CRYPT)', () => {
    let app: NestFastifyApplication;
    beforeAll(async () => {
      const users = [user('admin', hashSync('admin-pw', 4), 'EXTERNAL_READ_WRITE')];
      app = await start(settings({ enabled: true, encoding: 'CRYPT', users }));
    });

    it('lets the bcrypt user in with its password, also from the cache', async () => {
      for (let i = 0; i < 2; i++)
        expect((await call(app, 'RW', basic('admin', 'admin-pw'))).statusCode).toBe(200);
    });

    it('refuses a wrong password, and the hash itself as a password', async () => {
      expect((await call(app, 'RW', basic('admin', 'admin-PW'))).statusCode).toBe(401);
      const hash = hashSync('admin-pw', 4);
      expect((await call(app, 'RW', basic('admin', hash))).statusCode).toBe(401);
    });
  });

  describe('no-auth mode', () => {
    let app: NestFastifyApplication;
    beforeAll(async () => {
      logger.lines.length = 0;
      app = await start(defaultAuthSettings());
    });

    it('says so loudly at startup', () => {
      expect(logger.lines.join('\n')).toContain('*** NO AUTHENTICATION');
    });

    it('lets anyone in as default-user with the root role, on every external route', async () => {
      expect((await call(app, 'READ')).body).toBe('default-user');
      for (const access of ['ANY', 'LOGS', 'RW', 'MAINT'] as const)
        expect((await call(app, access)).statusCode).toBe(200);
    });

    it('still keeps cluster routes for the cluster secret, and external routes from it', async () => {
      expect((await call(app, 'NODE')).statusCode).toBe(403);
      expect((await call(app, 'APPI')).statusCode).toBe(403);
      expect((await call(app, 'NODE', EXECUTOR)).statusCode).toBe(200);
      expect((await call(app, 'RW', EXECUTOR)).statusCode).toBe(403);
    });
  });

  describe('options.disableReadAuth', () => {
    it('opens log routes to every external role, and to nobody else', async () => {
      const app = await start(settings({ enabled: true, encoding: 'PLAIN', users: PLAIN_USERS }, true));
      expect((await call(app, 'LOGS', basic('maint', 'maint-pw'))).statusCode).toBe(200);
      expect((await call(app, 'LOGS', EXECUTOR)).statusCode).toBe(403);
      expect((await call(app, 'LOGS')).statusCode).toBe(401);
    });
  });
});
