import { RouterConfig } from './drove-router';

type Env = Record<string, string | undefined>;

const number = (env: Env, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, not ${raw}`);
  return value;
};

/** The router's settings from the environment; the defaults are in README.md. */
export function routerConfigFromEnv(env: Env, log: (message: string) => void): RouterConfig {
  const controllers = (env.DROVE_CONTROLLERS ?? 'http://127.0.0.1:4000')
    .split(',')
    .map((url) => url.trim().replace(/\/+$/, ''))
    .filter((url) => url !== '');
  if (controllers.length === 0) throw new Error('DROVE_CONTROLLERS names no controller');
  return {
    controllers,
    auth: { username: env.DROVE_USERNAME, password: env.DROVE_PASSWORD },
    dir: env.DROVE_ROUTER_DIR ?? '/etc/nginx/drove',
    listen: env.DROVE_ROUTER_LISTEN ?? '80',
    reloadCommand: (env.DROVE_ROUTER_RELOAD ?? 'nginx -s reload').split(' ').filter((part) => part !== ''),
    resyncIntervalMs: number(env, 'DROVE_ROUTER_RESYNC_MS', 60_000),
    debounceMs: number(env, 'DROVE_ROUTER_DEBOUNCE_MS', 100),
    reconnectDelayMs: number(env, 'DROVE_ROUTER_RECONNECT_MS', 1000),
    idleTimeoutMs: number(env, 'DROVE_ROUTER_IDLE_TIMEOUT_MS', 60_000),
    log,
  };
}
