import {
  ApplicationSpecJson,
  applicationDecider,
  applicationStream,
  sequentialIdGenerator,
} from '@drove/domain';
import { applicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import {
  AppendOptions,
  AppendResult,
  ExpectedVersion,
  MemoryEventStore,
  NewEvent,
  WrongExpectedVersionError,
} from '@drove/events';
import { FencedAppender } from '../event-store/fenced-appender';
import { NotLeaderError } from '../http/drove-errors';
import { TestFence } from '../testing/test-fence';
import { CommandPipeline, ConcurrencyExhaustedError, MAX_COMMAND_ATTEMPTS } from './command-pipeline';

const FENCE_PATH = '/drove/leader/c-0000000001';
const APP_ID = 'test-app-1';
const STREAM = applicationStream(APP_ID);
const context = { actor: 'tester' };

const create = (instances: number) => ({
  type: 'CreateApplication' as const,
  spec: applicationSpecJson() as ApplicationSpecJson,
  instances,
  opSpec: opSpecJson(),
  at: 1000,
});
const scale = (requiredInstances: number) => ({
  type: 'ScaleApplication' as const,
  appId: APP_ID,
  requiredInstances,
  opSpec: opSpecJson(),
  at: 2000,
});

/** Runs `before` ahead of the first `races` appends to the app stream: another writer winning the race. */
class RacingStore extends MemoryEventStore {
  calls = 0;
  constructor(
    private readonly races: number,
    private readonly before: (store: MemoryEventStore) => Promise<unknown>,
  ) {
    super();
  }

  override async append(
    stream: string,
    expected: ExpectedVersion,
    events: NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    if (stream === STREAM && this.calls++ < this.races) await this.before(this);
    return super.append(stream, expected, events, options);
  }
}

function pipelineOn(store: MemoryEventStore, fence = new TestFence()): CommandPipeline {
  store.grantFence(FENCE_PATH);
  if (fence.path() === null) fence.lead(FENCE_PATH);
  return new CommandPipeline(store, new FencedAppender(store, fence), sequentialIdGenerator());
}

// Another controller's writes: unfenced and past the racing hook, with ids of its own.
const otherIds = sequentialIdGenerator('11111111-0000-4000-8000-');
const otherWriter = (store: MemoryEventStore) =>
  new CommandPipeline(
    store,
    { append: (s, e, ev) => MemoryEventStore.prototype.append.call(store, s, e, ev) } as FencedAppender,
    otherIds,
  );

const types = async (store: MemoryEventStore) => (await store.readStream(STREAM)).map((e) => e.type);

describe('CommandPipeline', () => {
  it('appends the decided events fenced, with the actor, and returns their positions', async () => {
    const store = new MemoryEventStore();
    const outcome = await pipelineOn(store).execute(applicationDecider, STREAM, create(2), context);
    expect(outcome).toMatchObject({ ok: true, positions: [1, 2] });
    const stored = await store.readStream(STREAM);
    expect(stored.map((e) => [e.type, e.actor])).toEqual([
      ['ApplicationCreated', 'tester'],
      ['ApplicationScalingRequested', 'tester'],
    ]);
  });

  it('returns a refusal without writing anything', async () => {
    const store = new MemoryEventStore();
    const outcome = await pipelineOn(store).execute(applicationDecider, STREAM, scale(3), context);
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', messages: [`No state found for app: ${APP_ID}`] },
    });
    expect(await store.headPosition()).toBe(0);
  });

  it('on a conflict reloads and decides again on the newer state', async () => {
    const store = new RacingStore(1, (s) =>
      otherWriter(s).execute(applicationDecider, STREAM, scale(5), context),
    );
    const pipeline = pipelineOn(store);
    await otherWriter(store).execute(applicationDecider, STREAM, create(0), context);
    store.calls = 0;
    const outcome = await pipeline.execute(applicationDecider, STREAM, scale(7), context);
    expect(outcome.ok).toBe(true);
    expect(store.calls).toBe(2);
    expect(await types(store)).toEqual([
      'ApplicationCreated',
      'ApplicationOperationCompleted',
      'ApplicationScalingRequested',
      'ApplicationScalingRequested',
    ]);
    const { state } = await pipeline.load(applicationDecider, STREAM);
    expect(state.instances).toBe(7);
  });

  it('on a conflict that changes the decision returns the new refusal, writing nothing of its own', async () => {
    const store = new RacingStore(1, (s) =>
      otherWriter(s).execute(applicationDecider, STREAM, create(1), context),
    );
    const outcome = await pipelineOn(store).execute(applicationDecider, STREAM, create(3), context);
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'CONFLICT', messages: [`App ${APP_ID} already exists`] },
    });
    expect(await types(store)).toEqual(['ApplicationCreated', 'ApplicationScalingRequested']);
  });

  it(`gives up after ${MAX_COMMAND_ATTEMPTS} conflicts`, async () => {
    let version = 0;
    const store = new RacingStore(Infinity, async () => {
      throw new WrongExpectedVersionError(STREAM, 0, ++version);
    });
    await expect(pipelineOn(store).execute(applicationDecider, STREAM, create(1), context)).rejects.toThrow(
      ConcurrencyExhaustedError,
    );
    expect(store.calls).toBe(MAX_COMMAND_ATTEMPTS);
    expect(await store.headPosition()).toBe(0);
  });

  it('refuses as not leader without a fence, and when the store finds the fence gone', async () => {
    const store = new MemoryEventStore();
    const fence = new TestFence();
    const pipeline = pipelineOn(store, fence);
    fence.depose();
    await expect(pipeline.execute(applicationDecider, STREAM, create(1), context)).rejects.toThrow(
      NotLeaderError,
    );
    fence.lead(FENCE_PATH);
    store.revokeFence(FENCE_PATH);
    await expect(pipeline.execute(applicationDecider, STREAM, create(1), context)).rejects.toThrow(
      NotLeaderError,
    );
    expect(await store.headPosition()).toBe(0);
  });

  it('queues concurrent commands on one stream, so they do not conflict with each other', async () => {
    const store = new RacingStore(0, () => Promise.resolve());
    const pipeline = pipelineOn(store);
    await pipeline.execute(applicationDecider, STREAM, create(0), context);
    store.calls = 0;
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        pipeline.execute(applicationDecider, STREAM, scale(i + 1), context),
      ),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(store.calls).toBe(20);
    expect((await pipeline.load(applicationDecider, STREAM)).state.instances).toBe(20);
  });
});
