import { AppSupportModule } from '../app-support/app-support.module';
import { BlacklistingModule } from '../blacklisting/blacklisting.module';
import { Module } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { sequentialIdGenerator } from '@drove/domain';
import { MemoryEventStore } from '@drove/events';
import { LocalServicesModule } from '../local-services/local-services.module';
import { ApplicationsModule } from '../applications/applications.module';
import { AuditModule } from '../audit/audit.module';
import { AuthSettings, defaultAuthSettings } from '../auth/auth-settings';
import { ClusterModule } from '../cluster/cluster.module';
import { CqrsModule } from '../cqrs/cqrs.module';
import { EndpointsModule } from '../endpoints/endpoints.module';
import { EventsFeedModule } from '../events-feed/events-feed.module';
import { EventStreamConfig } from '../event-stream/event-stream.config';
import { EventStreamModule } from '../event-stream/event-stream.module';
import { ExecutionModule } from '../executors/execution.module';
import { TasksModule } from '../tasks/tasks.module';
import { MetricsModule } from '../metrics/metrics.module';
import { HttpEdgeModule } from '../http/http-edge.module';
import { LogFilesModule } from '../log-files/log-files.module';
import { LEADERSHIP_VIEW, LeadershipView } from '../leadership/leadership-view';
import { ExecutorMessenger } from '../messaging/executor-messenger';
import { DEFAULT_START_BACKOFF, StartBackoffSettings } from '../sagas/start-backoff';
import { UiModule } from '../ui/ui.module';
import { TestFence } from './test-fence';

export const TEST_FENCE_PATH = '/drove/leader/c-0000000007';
export const TEST_HOSTNAME = 'ctl-test';

/** What the HTTP edge reads of the election: leading unless a test sets `leading` false. */
export class TestLeadership implements LeadershipView {
  leading = true;
  leaderUrl: string | null = `http://${TEST_HOSTNAME}:4000`;
  isLeader(): boolean {
    return this.leading;
  }
  leaderBaseUrl(): Promise<string | null> {
    return Promise.resolve(this.leaderUrl);
  }
}

/** No executor answers: every message FAILED. */
const refusingMessenger: ExecutorMessenger = {
  send: () => Promise.resolve({ status: 'FAILED', error: 'no executor in this test' }),
};

export interface TestController {
  app: NestFastifyApplication;
  store: MemoryEventStore;
  fence: TestFence;
  /** Only the HTTP edge's: the fence (and so the sagas) lead regardless. */
  leadership: TestLeadership;
  /** The controller's clock; tests move it. */
  clock: { now: () => number; at: number };
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  get(url: string, headers?: Record<string, string>): Promise<Answer>;
}

export interface Answer {
  code: number;
  body: Record<string, unknown>;
}

/** The controller's modules in process, leading, on an in-memory log; requests through Fastify's `inject`. */
export async function startTestController(
  startAt: number,
  auth: AuthSettings = defaultAuthSettings(),
  messenger: ExecutorMessenger = refusingMessenger,
  runSagas = true,
  monitorIntervalMs = 30_000,
  eventStream: EventStreamConfig = new EventStreamConfig(),
  startBackoff: StartBackoffSettings = DEFAULT_START_BACKOFF,
  localServiceMonitorMs = 5_000,
): Promise<TestController> {
  const clock = { at: startAt, now: () => clock.at };
  const store = new MemoryEventStore({ clock: () => clock.at });
  store.grantFence(TEST_FENCE_PATH);
  const fence = new TestFence();
  fence.lead(TEST_FENCE_PATH);
  const leadership = new TestLeadership();
  @Module({
    imports: [
      HttpEdgeModule.withLeadership({ provide: LEADERSHIP_VIEW, useValue: leadership }, auth),
      CqrsModule.register({ store, fence, hostname: TEST_HOSTNAME, clock, ids: sequentialIdGenerator() }),
      ApplicationsModule,
      LocalServicesModule,
      AppSupportModule,
      ClusterModule,
      ExecutionModule.register(messenger, runSagas, monitorIntervalMs, startBackoff, localServiceMonitorMs),
      EndpointsModule,
      EventsFeedModule,
      EventStreamModule.register(eventStream),
      TasksModule,
      BlacklistingModule,
      LogFilesModule.register({ secret: 'DefaultControllerSecret', nodeId: TEST_HOSTNAME }),
      AuditModule.register(),
      MetricsModule,
      UiModule,
    ],
  })
  class TestModule {}
  const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
    logger: false,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const call = async (
    method: 'GET' | 'POST',
    url: string,
    body: unknown,
    headers: Record<string, string>,
  ) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const contentType: Record<string, string> = payload ? { 'content-type': 'application/json' } : {};
    const res = await app.inject({ method, url, payload, headers: { ...contentType, ...headers } });
    return { code: res.statusCode, body: (res.body ? res.json() : {}) as Record<string, unknown> };
  };
  return {
    app,
    store,
    fence,
    leadership,
    clock,
    post: (url, body, headers = {}) => call('POST', url, body, headers),
    get: (url, headers = {}) => call('GET', url, undefined, headers),
  };
}
