import { containerName } from './container-name';
import { InstanceIdentity } from './container-spec';

describe('containerName', () => {
  it.each<[InstanceIdentity, string]>([
    [{ jobType: 'SERVICE', appId: 'web-1', appName: 'web', instanceId: 'AI-1' }, 'web-1-AI-1'],
    [{ jobType: 'LOCAL_SERVICE', serviceId: 'ls-2', serviceName: 'ls', instanceId: 'SI-9' }, 'ls-2-SI-9'],
    [{ jobType: 'COMPUTATION', sourceAppName: 'web', taskId: 't1', instanceId: 'TI-3' }, 'TI-3'],
  ])('names %j %s', (identity, name) => {
    expect(containerName(identity)).toBe(name);
  });
});
