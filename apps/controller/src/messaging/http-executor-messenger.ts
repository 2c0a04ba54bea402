import { ExecutorAddressJson, ExecutorMessage, MESSAGE_STATUSES, MessageStatus } from '@drove/domain';
import { ExecutorMessenger, SendResult } from './executor-messenger';

export interface HttpExecutorMessengerOptions {
  /** The CONTROLLER cluster secret, sent as `Cluster-Authorization`. */
  secret: string;
  /** This controller's host name, sent as `NodeId`. */
  nodeId: string;
  /** Per request (Drove: 1 s connect/response). */
  timeoutMs?: number;
  /** Sends again 1 s apart until ACCEPTED, for at most this long (Drove: 30 s). */
  retryForMs?: number;
}

const RETRY_DELAY_MS = 1000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Drove's RemoteExecutorMessageSender over fetch: a non-200 answer or an unknown status counts as FAILED. */
export class HttpExecutorMessenger implements ExecutorMessenger {
  constructor(private readonly options: HttpExecutorMessengerOptions) {}

  async send(address: ExecutorAddressJson, message: ExecutorMessage): Promise<SendResult> {
    const deadline = Date.now() + (this.options.retryForMs ?? 30_000);
    for (;;) {
      const result = await this.sendOnce(address, message);
      if (result.status === 'ACCEPTED' || Date.now() + RETRY_DELAY_MS > deadline) return result;
      await sleep(RETRY_DELAY_MS);
    }
  }

  private async sendOnce(address: ExecutorAddressJson, message: ExecutorMessage): Promise<SendResult> {
    const scheme = address.transportType === 'HTTPS' ? 'https' : 'http';
    const url = `${scheme}://${address.hostname}:${address.port}/apis/v1/messages`;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Cluster-Authorization': this.options.secret,
          NodeId: this.options.nodeId,
        },
        body: JSON.stringify(message),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 1000),
      });
      const text = await response.text();
      if (response.status !== 200) return { status: 'FAILED', error: `${url} answered ${response.status}` };
      const status = (JSON.parse(text) as { status?: unknown }).status;
      return MESSAGE_STATUSES.includes(status as MessageStatus)
        ? {
            status: status as MessageStatus,
            ...(status === 'ACCEPTED' ? {} : { error: `${url}: ${String(status)}` }),
          }
        : { status: 'FAILED', error: `${url}: no message status in the answer` };
    } catch (error) {
      return { status: 'FAILED', error: `${url}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}
