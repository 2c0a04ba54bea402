import { StateRecord } from '../engine/state-record';
import { sleep } from '../util/sleep';

export interface LocalServiceGateOptions {
  /** The leader's `requiredInstances` (serviceId -> instancesPerHost); throws when it cannot be had. */
  reserved(): Promise<Record<string, number>>;
  /** HEALTHY local-service instances on this executor, by serviceId. */
  healthy(): Record<string, number>;
  /** Drove asks again every second. */
  intervalMs?: number;
  onWaiting?: (reason: string) => void;
}

/** HEALTHY local-service instances among the engine's records, by serviceId. */
export function healthyLocalServices(records: readonly StateRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const record of records) {
    if (record.kind !== 'LOCAL_SERVICE_INSTANCE' || record.info.state !== 'HEALTHY') continue;
    counts[record.info.serviceId] = (counts[record.info.serviceId] ?? 0) + 1;
  }
  return counts;
}

const shortfall = (required: Record<string, number>, healthy: Record<string, number>): string[] =>
  Object.entries(required)
    .filter(([serviceId, count]) => (healthy[serviceId] ?? 0) < count)
    .map(([serviceId, count]) => `${serviceId} ${healthy[serviceId] ?? 0}/${count}`);

/**
 * Drove's UNREADY wait (reference 3.4): resolves once, for every local service the leader reserves on each
 * executor, this executor runs `instancesPerHost` HEALTHY instances. The list is asked again on every round, so a
 * service deactivated meanwhile stops holding the executor back; no leader or a failed call means another round.
 * Rejects with the signal's abort when the executor stops.
 */
export async function awaitLocalServices(
  options: LocalServiceGateOptions,
  signal: AbortSignal,
): Promise<void> {
  const interval = options.intervalMs ?? 1000;
  for (;;) {
    let reason: string;
    try {
      const missing = shortfall(await options.reserved(), options.healthy());
      if (missing.length === 0) return;
      reason = `waiting for local services: ${missing.join(', ')}`;
    } catch (err) {
      reason = `reserved local services unknown: ${(err as Error).message}`;
    }
    options.onWaiting?.(reason);
    await sleep(interval, signal);
  }
}

export interface ReservedCall {
  leader(): Promise<{ hostname: string; port: number; transportType: 'HTTP' | 'HTTPS' } | undefined>;
  /** The EXECUTOR cluster secret. */
  secret: string;
  timeoutMs?: number;
}

/** `GET /apis/v1/internal/cluster/resources/reserved` on the leader, Drove's LocalServiceInstanceResources. */
export async function fetchReservedServices(call: ReservedCall): Promise<Record<string, number>> {
  const leader = await call.leader();
  if (!leader) throw new Error('no leader');
  const scheme = leader.transportType === 'HTTPS' ? 'https' : 'http';
  const response = await fetch(
    `${scheme}://${leader.hostname}:${leader.port}/apis/v1/internal/cluster/resources/reserved`,
    {
      headers: { 'Cluster-Authorization': call.secret },
      signal: AbortSignal.timeout(call.timeoutMs ?? 1000),
    },
  );
  if (response.status !== 200) throw new Error(`leader answered ${response.status}`);
  const body = (await response.json()) as {
    status?: string;
    data?: { requiredInstances?: Record<string, number> };
  };
  if (body.status !== 'SUCCESS' || !body.data) throw new Error(`leader answered ${body.status ?? 'nothing'}`);
  return body.data.requiredInstances ?? {};
}
