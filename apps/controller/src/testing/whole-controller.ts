import { LoggerService } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { MemoryEventStore } from '@drove/events';
import { AUDIT_LOG, AuditLine, AuditLog } from '../audit/audit-log';
import { AuthSettings } from '../auth/auth-settings';
import { LimitsConfig } from '../limits/limits.config';
import { ClusterOptionsSettings } from '../cluster-options/cluster-options.tokens';
import { ControllerModule } from '../controller.module';
import { LeaderElection } from '../leadership/leader-election';
import { ExecutorMessenger } from '../messaging/executor-messenger';

const FENCE_PATH = '/drove/leader/c-0000000001';

/** A candidate that leads from the start and never changes: what the controller reads of its election. */
const leadingElection = {
  state: 'LEADER',
  fencePath: FENCE_PATH,
  leader: () => Promise.resolve({ hostname: 'ctl-whole', port: 4000, transportType: 'HTTP' }),
  onChange: () => () => undefined,
} as unknown as LeaderElection;

const refusingMessenger: ExecutorMessenger = {
  send: () => Promise.resolve({ status: 'FAILED', error: 'no executor in this test' }),
};

/** The audit file's lines, kept in memory. */
export class MemoryAuditLog implements AuditLog {
  readonly lines: AuditLine[] = [];
  record(line: AuditLine): void {
    this.lines.push(line);
  }
  flushed(): Promise<void> {
    return Promise.resolve();
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
}

export interface WholeController {
  app: NestFastifyApplication;
  store: MemoryEventStore;
  audit: MemoryAuditLog;
  /** Every route the HTTP server registered (HEAD twins of GET routes left out). */
  routes: RegisteredRoute[];
}

/**
 * The controller's own `ControllerModule`, as `main.ts` composes it, on an in-memory log, leading, with no
 * executors; requests through Fastify's `inject`. Tests that must cover every real route start this one.
 */
export interface WholeControllerOptions {
  auth: AuthSettings;
  /** Default: every message FAILED (no executor). */
  messenger?: ExecutorMessenger;
  limits?: LimitsConfig;
  /** Default: Drove's defaults. */
  clusterOptions?: ClusterOptionsSettings;
  /** Default: nothing logged. */
  logger?: LoggerService;
}

export async function startWholeController(options: WholeControllerOptions): Promise<WholeController> {
  const { auth, messenger = refusingMessenger, limits = new LimitsConfig(), logger } = options;
  const store = new MemoryEventStore();
  store.grantFence(FENCE_PATH);
  const audit = new MemoryAuditLog();
  const adapter = new FastifyAdapter({ bodyLimit: limits.maxRequestBodyBytes });
  const routes: RegisteredRoute[] = [];
  adapter.getInstance().addHook('onRoute', (route) => {
    for (const method of ([] as string[]).concat(route.method)) {
      if (method !== 'HEAD') routes.push({ method, url: route.url });
    }
  });
  const moduleRef = await Test.createTestingModule({
    imports: [
      ControllerModule.create({
        election: leadingElection,
        store,
        auth,
        hostname: 'ctl-whole',
        messenger,
        executorCredentials: { secret: auth.clusterAuth.secrets[0]?.secret ?? '', nodeId: 'ctl-whole' },
        limits,
        clusterOptions: options.clusterOptions,
      }),
    ],
  })
    .overrideProvider(AUDIT_LOG)
    .useValue(audit)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(adapter, {
    logger: logger ?? false,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, store, audit, routes };
}
