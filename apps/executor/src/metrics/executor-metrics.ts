import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { CheckerFactory } from '../checks/checker-factory';
import { StateRecord } from '../engine/state-record';
import { ContainerRuntime } from '../runtime/container-runtime.port';

// Docker calls: a stats or inspect is milliseconds, a create or stop can take seconds, a pull up to minutes.
const DOCKER_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

// Calls that last as long as the container or the log stream, not one engine round trip: not timed.
const UNTIMED: ReadonlySet<string> = new Set(['wait', 'logs']);

/**
 * The executor's Prometheus registry (one per executor, so two executors in one test process keep apart) with
 * Node's process metrics, instances by kind and state (from the engine's records at scrape time), check failures
 * and docker call latency. Labels are kinds, states, check modes and runtime method names: bounded.
 */
export class ExecutorMetrics {
  readonly registry = new Registry();

  private readonly checkFailures = new Counter({
    name: 'drove_executor_check_failures_total',
    help: 'Readiness and health checks that found an instance unhealthy, by check mode',
    labelNames: ['mode'],
    registers: [this.registry],
  });

  private readonly dockerCalls = new Histogram({
    name: 'drove_executor_docker_call_duration_seconds',
    help: 'Time of one container engine call, by runtime operation and result',
    labelNames: ['operation', 'result'],
    buckets: DOCKER_BUCKETS_SECONDS,
    registers: [this.registry],
  });

  private readonly unclaimed = new Gauge({
    name: 'drove_executor_unclaimed_containers',
    help: "Drove containers in this executor's label scope that name another executor id or none: neither recovered nor reaped",
    registers: [this.registry],
  });

  collectNodeMetrics(): void {
    collectDefaultMetrics({ register: this.registry, prefix: 'drove_' });
  }

  /** `drove_executor_instances{kind,state}` read from `records` at scrape time. */
  observeInstances(records: () => StateRecord[]): void {
    new Gauge({
      name: 'drove_executor_instances',
      help: 'Instances this executor runs, by kind (INSTANCE, LOCAL_SERVICE_INSTANCE, TASK) and state',
      labelNames: ['kind', 'state'],
      registers: [this.registry],
      collect() {
        // Reset first: a state no instance is in any more goes to no series rather than a stale count.
        this.reset();
        const counts = new Map<string, { kind: string; state: string; n: number }>();
        for (const { kind, info } of records()) {
          const key = `${kind}/${info.state}`;
          const entry = counts.get(key) ?? { kind, state: info.state, n: 0 };
          entry.n++;
          counts.set(key, entry);
        }
        for (const { kind, state, n } of counts.values()) this.set({ kind, state }, n);
      },
    });
  }

  /** Set at startup and after every zombie scan. */
  setUnclaimedContainers(count: number): void {
    this.unclaimed.set(count);
  }

  /** Checkers from `factory` whose unhealthy results are counted. */
  countingCheckers(factory: CheckerFactory): CheckerFactory {
    return (mode, target, timeoutMs) => {
      const checker = factory(mode, target, timeoutMs);
      return {
        check: async () => {
          const result = await checker.check();
          if (!result.healthy) this.checkFailures.inc({ mode: mode.type });
          return result;
        },
      };
    };
  }

  /** `runtime` with every engine round trip timed. */
  timedRuntime(runtime: ContainerRuntime): ContainerRuntime {
    const histogram = this.dockerCalls;
    return new Proxy(runtime, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string' || UNTIMED.has(property))
          return value;
        return (...args: unknown[]): unknown => {
          const end = histogram.startTimer({ operation: property });
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (!(result instanceof Promise)) return result;
          return result.then(
            (resolved) => {
              end({ result: 'ok' });
              return resolved;
            },
            (error: unknown) => {
              end({ result: 'error' });
              throw error;
            },
          );
        };
      },
    });
  }
}
