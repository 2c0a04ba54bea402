import { ExecutorAddressJson, ExecutorMessage } from '@drove/domain';
import { minimalApplicationSpecJson, opSpecJson } from '@drove/domain/testing/spec-fixtures';
import { ExecutorMessenger } from '../messaging/executor-messenger';
import { EXECUTOR_HEADERS, FakeExecutor } from './fake-executor';
import { startTestController, TestController } from './test-controller';
import { waitUntil } from './wait-until';

/**
 * Routes each message to the fake executor it is addressed to; `gate` holds every answer while set. As the real
 * executor does, a state change is pushed as a snapshot before the message is answered.
 */
export class TwoFakeExecutors implements ExecutorMessenger {
  readonly one = new FakeExecutor('exec-1-id', 'exec-1', 3000);
  readonly two = new FakeExecutor('exec-2-id', 'exec-2', 3010);
  gate: Promise<void> | undefined;
  pushSnapshot: (executor: FakeExecutor) => Promise<unknown> = () => Promise.resolve();

  async send(address: ExecutorAddressJson, message: ExecutorMessage) {
    await this.gate;
    const target = address.executorId === this.one.executorId ? this.one : this.two;
    const before = target.executorState;
    const answer = await target.send(address, message);
    if (target.executorState !== before) await this.pushSnapshot(target);
    return answer;
  }
}

export interface InstanceRow {
  instanceId: string;
  executorId: string;
  state: string;
}

/** The id of the app minimalApplicationSpecJson() describes (name-version). */
export const MINI_APP_ID = 'mini-1';

export interface AppOnExecutorOne {
  ctl: TestController;
  executors: TwoFakeExecutors;
  /** Posts the executor's snapshot (joins it, or refreshes its node data). */
  snapshot(executor: FakeExecutor): Promise<unknown>;
  healthy(): Promise<InstanceRow[]>;
}

/**
 * A leading controller with sagas, both fake executors wired to it, and app MINI_APP_ID with 2 HEALTHY instances:
 * only exec-1 is known while it is created, so both land there; exec-2 is not known yet.
 */
export async function appOnExecutorOne(
  startAt: number,
  monitorIntervalMs: number,
): Promise<AppOnExecutorOne> {
  const executors = new TwoFakeExecutors();
  const ctl = await startTestController(startAt, undefined, executors, true, monitorIntervalMs);
  const snapshot = (executor: FakeExecutor) =>
    ctl.post('/apis/v1/messages', executor.snapshotMessage(startAt), EXECUTOR_HEADERS);
  const healthy = async () =>
    ((await ctl.get(`/apis/v1/applications/${MINI_APP_ID}/instances`)).body.data as InstanceRow[]).filter(
      (i) => i.state === 'HEALTHY',
    );
  executors.pushSnapshot = snapshot;
  for (const executor of [executors.one, executors.two]) {
    executor.report = (path, body) => ctl.post(path, body, EXECUTOR_HEADERS);
  }
  await snapshot(executors.one);
  const create = { type: 'CREATE', spec: minimalApplicationSpecJson(), instances: 2, opSpec: opSpecJson() };
  const created = await ctl.post('/apis/v1/applications/operations', create);
  if (created.code !== 200) throw new Error(`CREATE refused: ${JSON.stringify(created.body)}`);
  await waitUntil('2 healthy on exec-1', async () => (await healthy()).length === 2, 10_000);
  return { ctl, executors, snapshot, healthy };
}
