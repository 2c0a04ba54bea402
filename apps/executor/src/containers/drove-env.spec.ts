import { appSpec } from '../testing/container-spec.fixture';
import { droveEnv } from './drove-env';

const ctx = { hostname: 'host-a', hostPorts: { 8000: 20001 }, executorEnv: { FROM_EXECUTOR: 'exec-value' } };
const identities = {
  SERVICE: { jobType: 'SERVICE' as const, appId: 'web-1', appName: 'web', instanceId: 'AI-1' },
  COMPUTATION: { jobType: 'COMPUTATION' as const, sourceAppName: 'web', taskId: 't1', instanceId: 'TI-1' },
  LOCAL_SERVICE: {
    jobType: 'LOCAL_SERVICE' as const,
    serviceId: 'ls-1',
    serviceName: 'ls',
    instanceId: 'SI-1',
  },
};

describe('droveEnv', () => {
  it('injects HOST first, then the spec env, then the app variables', () => {
    const spec = appSpec({ identity: identities.SERVICE, env: { A: '1' }, instanceAuthToken: 'jwt' });
    expect(droveEnv(spec, ctx)).toEqual([
      'HOST=host-a',
      'A=1',
      'DROVE_CONTAINER_ID=drove-test/http-server:latest',
      'PORT_8000=20001',
      'DROVE_EXECUTOR_HOST=host-a',
      'DROVE_INSTANCE_ID=AI-1',
      'DROVE_APP_ID=web-1',
      'DROVE_APP_NAME=web',
      'DROVE_APP_INSTANCE_AUTH_TOKEN=jwt',
    ]);
  });

  it.each([
    ['COMPUTATION', ['DROVE_INSTANCE_ID=TI-1', 'DROVE_TASK_ID=t1', 'DROVE_SOURCE_APP_NAME=web']],
    ['LOCAL_SERVICE', ['DROVE_SERVICE_ID=ls-1', 'DROVE_SERVICE_NAME=ls', 'DROVE_SERVICE_INSTANCE_ID=SI-1']],
  ] as const)('injects the %s variables', (jobType, expected) => {
    const env = droveEnv(appSpec({ identity: identities[jobType], instanceAuthToken: 'jwt' }), ctx);
    expect(env).toEqual(expect.arrayContaining(expected as unknown as string[]));
    expect(env.some((e) => e.startsWith('DROVE_APP_'))).toBe(jobType === 'LOCAL_SERVICE');
  });

  it('fills empty values from the executor environment and drops those it lacks', () => {
    const env = droveEnv(appSpec({ env: { FROM_EXECUTOR: '', MISSING: '', KEPT: 'k' } }), ctx);
    expect(env).toContain('FROM_EXECUTOR=exec-value');
    expect(env).toContain('KEPT=k');
    expect(env.some((e) => e.startsWith('MISSING'))).toBe(false);
  });

  it('lets no spec variable shadow an injected one', () => {
    const env = droveEnv(appSpec({ env: { HOST: 'evil', DROVE_INSTANCE_ID: 'AI-x', PORT_8000: '1' } }), ctx);
    expect(env.filter((e) => e.startsWith('HOST='))).toEqual(['HOST=host-a']);
    expect(env.filter((e) => e.startsWith('PORT_8000='))).toEqual(['PORT_8000=20001']);
    expect(env.filter((e) => e.startsWith('DROVE_INSTANCE_ID='))).toHaveLength(1);
  });

  it('has no PORT_ variables when host ports are left to the engine', () => {
    expect(droveEnv(appSpec(), { ...ctx, hostPorts: {} }).some((e) => e.startsWith('PORT_'))).toBe(false);
  });
});
