import { Logger, Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import {
  ApplicationSpecJson,
  applicationDecider,
  applicationStream,
  sequentialIdGenerator,
} from '@drove/domain';
import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
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

describe('stale suspended app destroyed, on the real ZooKeeper', () => {
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

  it('gets an ordinary DESTROY from system after staleAppAge, which the saga carries out', async () => {
    const spec = { ...minimalApplicationSpecJson(), version: 'gc' } as ApplicationSpecJson;
    const created = await moduleRef
      .get(CommandPipeline)
      .execute(
        applicationDecider,
        applicationStream(APP_ID),
        { type: 'CreateApplication', spec, instances: 0, opSpec: opSpecJson(), at: t0 },
        { actor: 'tester' },
      );
    expect(created.ok).toBe(true);
    const view = moduleRef.get(ClusterViewService);
    await waitUntil(
      'the app suspended in the view',
      () => view.view.application(APP_ID)?.state === 'MONITORING',
    );
    const job = moduleRef.get(RetentionJob);

    clock.at = t0 + 7 * DAY - MINUTE;
    expect((await job.run()).destroyed).toEqual([]);
    clock.at = t0 + 7 * DAY + MINUTE;
    expect((await job.run()).destroyed).toEqual([APP_ID]);
    await waitUntil('the app destroyed', () => view.view.application(APP_ID) === undefined, 10000);

    const stream = await store.readStream(applicationStream(APP_ID));
    expect(stream.map((e) => [e.type, e.actor])).toEqual([
      ['ApplicationCreated', 'tester'],
      ['ApplicationOperationCompleted', 'tester'],
      ['ApplicationDestroyRequested', 'system'],
      ['ApplicationDestroyed', 'system'],
    ]);
  });
});
