import { CommandPipeline } from '../cqrs/command-pipeline';
import {
  startTestController,
  TestController,
  TEST_FENCE_PATH,
  TEST_HOSTNAME,
} from '../testing/test-controller';
import { waitUntil } from '../testing/wait-until';
import { LeadershipRecorder } from './leadership-recorder';

const NOW = 1_700_000_000_000;

interface Feed {
  events: { type: string; metadata: Record<string, string> }[];
}

describe('leadership recorded in the log', () => {
  let ctl: TestController;
  let recorder: LeadershipRecorder;

  // the shared test controller leaves it out: other suites count the events in the log
  beforeEach(async () => {
    ctl = await startTestController(NOW);
    recorder = new LeadershipRecorder(ctl.app.get(CommandPipeline), ctl.fence, ctl.clock, TEST_HOSTNAME);
    recorder.onApplicationBootstrap();
  });

  afterEach(async () => {
    recorder.onModuleDestroy();
    await ctl.app.close();
  });

  const clusterEvents = async () => (await ctl.store.readStream('cluster')).map((e) => e.data);

  it('records the leader at start, shown as LEADERSHIP_ACQUIRED in the feed', async () => {
    await waitUntil('leadership recorded', async () => (await clusterEvents()).length === 1, 5_000);
    expect(await clusterEvents()).toEqual([{ hostname: TEST_HOSTNAME, at: NOW }]);
    await waitUntil(
      'the feed shows it',
      async () => ((await ctl.get('/apis/v1/cluster/events/latest')).body.data as Feed).events.length > 0,
      5_000,
    );
    const feed = (await ctl.get('/apis/v1/cluster/events/latest')).body.data as Feed;
    expect(feed.events).toEqual([
      expect.objectContaining({ type: 'LEADERSHIP_ACQUIRED', metadata: { HOSTNAME: TEST_HOSTNAME } }),
    ]);
  });

  it('records nothing new when the same controller leads again, nothing while deposed', async () => {
    await waitUntil('leadership recorded', async () => (await clusterEvents()).length === 1, 5_000);
    ctl.fence.depose();
    await recorder.record();
    ctl.fence.lead(TEST_FENCE_PATH);
    await recorder.record();
    expect(await clusterEvents()).toHaveLength(1);
  });
});
