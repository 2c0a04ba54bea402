import { Logger, Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import {
  ApplicationSpecJson,
  LocalServiceSpecJson,
  applicationDecider,
  applicationStream,
  localServiceDecider,
  localServiceStream,
  sequentialIdGenerator,
} from '@drove/domain';
import {
  localServiceSpecJson,
  minimalApplicationSpecJson,
  opSpecJson,
} from '@drove/domain/testing/spec-fixtures';
import { EventStore } from '@drove/events';
import { Client } from 'node-zookeeper-client';
import { randomUUID } from 'node:crypto';
import { defaultAuthSettings } from '../auth/auth-settings';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { CqrsModule } from '../cqrs/cqrs.module';
import { electionFence } from '../event-store/fence';
import { openControllerEventStore } from '../event-store/open-controller-event-store';
import { ExecutionModule } from '../executors/execution.module';
import { HttpEdgeModule } from '../http/http-edge.module';
import { LeaderElection } from '../leadership/leader-election';
import { LEADERSHIP_VIEW } from '../leadership/leadership-view';
import { ClusterViewService } from '../projections/cluster-view.service';
import { waitUntil } from '../testing/wait-until';
import { connectZooKeeper, removeTree } from '../zookeeper/zookeeper-calls';
import { RetentionOptions } from './retention.config';
import { RetentionJob } from './retention-job';
import { RetentionModule } from './retention.module';

Logger.overrideLogger(false);

const connectString = process.env.DROVE_ZK_CONNECT ?? `127.0.0.1:${process.env.DROVE_ZK_PORT ?? 2181}`;
const DAY = 86_400_000;
const MINUTE = 60_000;
const APP_ID = 'mini-gc';
const SERVICE_ID = 'test-service-1';

describe('stale-data destroys on the real ZooKeeper', () => {
  const nameSpace = `drove-test-gc-${randomUUID()}`;
  const t0 = Date.now();
  const clock = { at: t0, now: () => clock.at };
  let admin: Client;
  let election: LeaderElection;
  let store: EventStore;
  let moduleRef: TestingModule;

  beforeAll(async () => {
    admin = await connectZooKeeper(connectString, { sessionTimeoutMs: 10000, connectTimeoutMs: 10000 });
    election = new LeaderElection({
      connectString,
      root: `/${nameSpace}`,
      candidate: { hostname: 'localhost', port: 5900, transportType: 'HTTP' },
      sessionTimeoutMs: 10000,
    });
    store = await openControllerEventStore({
      connectionString: connectString,
      nameSpace,
      sessionTimeoutMs: 10000,
    });
    await election.start();
    await waitUntil('leading', () => election.state === 'LEADER');
    const fence = electionFence(election);
    @Module({
      imports: [
        HttpEdgeModule.withLeadership(
          {
            provide: LEADERSHIP_VIEW,
            useValue: { isLeader: () => true, leaderBaseUrl: () => Promise.resolve('') },
          },
          defaultAuthSettings(),
        ),
        CqrsModule.register({ store, fence, hostname: 'ctl-gc', clock, ids: sequentialIdGenerator() }),
        ExecutionModule.register({ send: () => Promise.resolve({ status: 'FAILED' as const }) }),
        // the job is run by hand: its timer would wait the 1 hour default
        RetentionModule.register(new RetentionOptions()),
      ],
    })
    class GcModule {}
    moduleRef = await Test.createTestingModule({ imports: [GcModule] }).compile();
    await moduleRef.init();
  });

  afterAll(async () => {
    await moduleRef?.close();
    await election?.stop();
    await store?.close();
    await removeTree(admin, `/${nameSpace}`);
    admin.close();
  });

  it('a suspended app and an INACTIVE local service get an ordinary DESTROY from system after the ages, which the sagas carry out', async () => {
    const pipeline = moduleRef.get(CommandPipeline);
    const spec = { ...minimalApplicationSpecJson(), version: 'gc' } as ApplicationSpecJson;
    const create = { type: 'CreateApplication' as const, spec, instances: 0, opSpec: opSpecJson(), at: t0 };
    const serviceSpec = localServiceSpecJson() as LocalServiceSpecJson;
    const createService = {
      type: 'CreateLocalService' as const,
      spec: serviceSpec,
      instancesPerHost: 1,
      at: t0,
    };
    const tester = { actor: 'tester' };
    expect((await pipeline.execute(applicationDecider, applicationStream(APP_ID), create, tester)).ok).toBe(
      true,
    );
    expect(
      (await pipeline.execute(localServiceDecider, localServiceStream(SERVICE_ID), createService, tester)).ok,
    ).toBe(true);
    const view = moduleRef.get(ClusterViewService);
    await waitUntil('both in the view', () => view.view.localService(SERVICE_ID)?.state === 'INACTIVE');
    expect(view.view.application(APP_ID)?.state).toBe('MONITORING');
    const job = moduleRef.get(RetentionJob);

    clock.at = t0 + 7 * DAY - MINUTE;
    expect((await job.run()).destroyed).toEqual([]);
    clock.at = t0 + 7 * DAY + MINUTE;
    expect((await job.run()).destroyed).toEqual([APP_ID, SERVICE_ID]);
    await waitUntil(
      'both destroyed',
      () => view.view.application(APP_ID) === undefined && view.view.localService(SERVICE_ID) === undefined,
      10000,
    );

    const trail = async (stream: string) => (await store.readStream(stream)).map((e) => [e.type, e.actor]);
    expect(await trail(applicationStream(APP_ID))).toEqual([
      ['ApplicationCreated', 'tester'],
      ['ApplicationOperationCompleted', 'tester'],
      ['ApplicationDestroyRequested', 'system'],
      ['ApplicationDestroyed', 'system'],
    ]);
    expect(await trail(localServiceStream(SERVICE_ID))).toEqual([
      ['LocalServiceCreated', 'tester'],
      ['LocalServiceOperationRequested', 'system'],
      ['LocalServiceDestroyed', 'system'],
    ]);
  });
});
