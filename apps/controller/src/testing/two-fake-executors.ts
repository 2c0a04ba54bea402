import { ExecutorAddressJson, ExecutorMessage } from '@drove/domain';
import { ExecutorMessenger } from '../messaging/executor-messenger';
import { FakeExecutor } from './fake-executor';

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
