import { InstanceInfoJson, LocalServiceInstanceInfoJson } from '../src/instance/instance-info';
import { InstanceState } from '../src/instance/instance-state';

export const INSTANCE_ID = 'AI-00000000-0000-4000-8000-000000000001';
export const EXECUTOR_ID = 'c0a1b2c3-0000-3000-8000-000000000001';

export const instanceInfo = (
  state: InstanceState,
  updated: number,
  patch: Partial<InstanceInfoJson> = {},
): InstanceInfoJson => ({
  appId: 'mini-1',
  appName: 'mini',
  instanceId: INSTANCE_ID,
  executorId: EXECUTOR_ID,
  localInfo: { hostname: 'h1', ports: { main: { containerPort: 8000, hostPort: 32000, portType: 'HTTP' } } },
  resources: [
    { type: 'CPU', cores: { '0': [2] } },
    { type: 'MEMORY', memoryInMB: { '0': 64 } },
  ],
  state,
  metadata: {},
  errorMessage: '',
  created: 1000,
  updated,
  ...patch,
});

export const serviceInstanceInfo = (state: InstanceState, updated: number): LocalServiceInstanceInfoJson => {
  const { appId: _appId, appName: _appName, ...rest } = instanceInfo(state, updated, { instanceId: 'SI-1' });
  return { ...rest, serviceId: 'svc-1', serviceName: 'svc' };
};
