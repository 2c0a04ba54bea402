import { ContainerSpec } from './container-spec';

// Drove's injected environment (DockerUtils / *RunAction in drove-executor).

export interface EnvContext {
  // The executor's canonical hostname (HOST and DROVE_EXECUTOR_HOST).
  hostname: string;
  // Host port bound to each container port, when known before create.
  hostPorts: Record<number, number>;
  // The executor's own environment: an empty value in the spec's env is filled from it.
  executorEnv: Record<string, string | undefined>;
}

function injected(spec: ContainerSpec, ctx: EnvContext): [string, string][] {
  const id = spec.identity;
  // Drove puts the image reference here despite the name; kept for apps that read it.
  const common: [string, string][] = [
    ['DROVE_CONTAINER_ID', spec.image],
    ...Object.entries(ctx.hostPorts).map(([port, hostPort]): [string, string] => [
      `PORT_${port}`,
      String(hostPort),
    ]),
    ['DROVE_EXECUTOR_HOST', ctx.hostname],
  ];
  const token: [string, string][] = spec.instanceAuthToken
    ? [['DROVE_APP_INSTANCE_AUTH_TOKEN', spec.instanceAuthToken]]
    : [];
  switch (id.jobType) {
    case 'SERVICE':
      return [
        ...common,
        ['DROVE_INSTANCE_ID', id.instanceId],
        ['DROVE_APP_ID', id.appId],
        ['DROVE_APP_NAME', id.appName],
        ...token,
      ];
    case 'COMPUTATION':
      return [
        ...common,
        ['DROVE_INSTANCE_ID', id.instanceId],
        ['DROVE_TASK_ID', id.taskId],
        ['DROVE_SOURCE_APP_NAME', id.sourceAppName],
      ];
    case 'LOCAL_SERVICE':
      return [
        ...common,
        ['DROVE_SERVICE_ID', id.serviceId],
        ['DROVE_SERVICE_NAME', id.serviceName],
        ['DROVE_SERVICE_INSTANCE_ID', id.instanceId],
        ...token,
      ];
  }
}

// Order as Drove's: HOST, the spec's env, then the injected variables. Drove passes duplicates through and lets
// the runtime pick; here a spec variable named like an injected one is dropped, so DROVE_* and PORT_* cannot be
// spoofed by a spec.
export function droveEnv(spec: ContainerSpec, ctx: EnvContext): string[] {
  const ours = [['HOST', ctx.hostname] as [string, string], ...injected(spec, ctx)];
  const reserved = new Set(ours.map(([k]) => k));
  const user: string[] = [];
  for (const [key, value] of Object.entries(spec.env)) {
    if (reserved.has(key)) continue;
    const resolved = value === '' ? ctx.executorEnv[key] : value;
    if (resolved !== undefined) user.push(`${key}=${resolved}`);
  }
  const [host, ...rest] = ours.map(([k, v]) => `${k}=${v}`);
  return [host as string, ...user, ...rest];
}
