import { waitFor } from './processes';

export interface Envelope<T = unknown> {
  status: string;
  data: T;
  message: string;
}

export interface InstanceView {
  instanceId: string;
  executorId: string;
  state: string;
  resources: { type: string; cores?: Record<string, number[]> }[];
  localInfo: { ports: Record<string, { hostPort: number }> };
}

/** The Drove API v1 of whichever controller currently leads (tests move `port` on failover). */
export class ScenarioClient {
  constructor(public port: number) {}

  async call<T = unknown>(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') {
    const res = await fetch(`http://127.0.0.1:${this.port}/apis/v1/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    return { code: res.status, body: (await res.json()) as Envelope<T> };
  }

  async get<T>(path: string): Promise<T> {
    return (await this.call<T>(path)).body.data;
  }

  instances(appId: string): Promise<InstanceView[]> {
    return this.get<InstanceView[]>(`applications/${appId}/instances`);
  }

  /** Waits until the app is at rest in `state` with exactly `count` instances, all HEALTHY. */
  settled(appId: string, count: number, state = 'RUNNING', timeoutMs = 90_000): Promise<InstanceView[]> {
    return waitFor(
      `${appId} ${state} with ${count} HEALTHY`,
      async () => {
        const app = await this.get<{ state: string } | undefined>(`applications/${appId}`);
        const all = await this.instances(appId);
        const healthy = all.filter((i) => i.state === 'HEALTHY');
        return app?.state === state && all.length === count && healthy.length === count ? healthy : undefined;
      },
      timeoutMs,
    );
  }
}
