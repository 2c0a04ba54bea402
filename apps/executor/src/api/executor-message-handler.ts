import {
  ExecutorMessage,
  MessageStatus,
  executorAccepts,
  parseApplicationInstanceSpec,
  parseLocalServiceInstanceSpec,
  parseTaskInstanceSpec,
} from '@drove/domain';
import { EngineReply, InstanceEngine } from '../engine/instance-engine';
import { ExecutorStateHolder } from '../state/executor-state-holder';

export interface HandledMessage {
  status: MessageStatus;
  // Why a message was not accepted (logged; the wire reply carries only the status).
  reason?: string;
}

const accepted: HandledMessage = { status: 'ACCEPTED' };

function replyOf(reply: EngineReply): HandledMessage {
  return reply.ok ? accepted : { status: 'FAILED', reason: reply.reason };
}

function invalid(errors: string[]): HandledMessage {
  return { status: 'FAILED', reason: `Invalid spec: ${errors.join('; ')}` };
}

// Drove's ExecutorMessageHandler: each message answered at once, the work itself left to the engine's runners.
export class ExecutorMessageHandler {
  constructor(
    private readonly engine: InstanceEngine,
    private readonly executor: ExecutorStateHolder,
  ) {}

  handle(message: ExecutorMessage): HandledMessage {
    if (!executorAccepts(message.type, this.executor.state)) {
      return {
        status: 'FAILED',
        reason: `${message.type} refused while the executor is ${this.executor.state}`,
      };
    }
    switch (message.type) {
      case 'START_INSTANCE': {
        const spec = parseApplicationInstanceSpec(message.spec);
        return spec.ok ? replyOf(this.engine.startInstance(spec.value, message.spec)) : invalid(spec.errors);
      }
      case 'START_LOCAL_SERVICE_INSTANCE': {
        const spec = parseLocalServiceInstanceSpec(message.spec);
        return spec.ok ? replyOf(this.engine.startInstance(spec.value, message.spec)) : invalid(spec.errors);
      }
      case 'START_TASK': {
        const spec = parseTaskInstanceSpec(message.spec);
        return spec.ok ? replyOf(this.engine.startTask(spec.value, message.spec)) : invalid(spec.errors);
      }
      case 'STOP_INSTANCE':
      case 'STOP_TASK':
      case 'STOP_LOCAL_SERVICE_INSTANCE':
        return replyOf(this.engine.stop(message.instanceId));
      case 'BLACKLIST_REQUESTED':
        this.executor.blacklistRequested();
        return accepted;
      case 'BLACKLIST':
        this.executor.blacklisted();
        return accepted;
      case 'UNBLACKLIST':
        this.executor.unblacklisted();
        return accepted;
    }
  }
}
