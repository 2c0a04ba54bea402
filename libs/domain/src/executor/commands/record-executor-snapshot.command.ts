import { ExecutorState, TransportType } from '../executor-aggregate';

// The executor's identity and self-reported state from its node data; resources are not events (they change
// every few seconds) and live in the executor's liveness znode instead.
export interface RecordExecutorSnapshotCommand {
  type: 'RecordExecutorSnapshot';
  executorId: string;
  hostname: string;
  port: number;
  transportType: TransportType;
  tags: string[];
  executorState: ExecutorState;
  at: number;
}
