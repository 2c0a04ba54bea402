import { InstanceIdentity } from '../containers/container-spec';
import { instanceLogDir, instanceLogParts } from './instance-log-location';

describe('instance log location', () => {
  it.each<[InstanceIdentity, [string, string]]>([
    [{ jobType: 'SERVICE', appId: 'web-1', appName: 'web', instanceId: 'AI-1' }, ['web-1', 'AI-1']],
    [
      { jobType: 'LOCAL_SERVICE', serviceId: 'ls-1', serviceName: 'ls', instanceId: 'SI-1' },
      ['ls-1', 'SI-1'],
    ],
    [{ jobType: 'COMPUTATION', sourceAppName: 'web', taskId: 't-7', instanceId: 'TI-1' }, ['web', 't-7']],
  ])('puts %j under %j', (identity, parts) => {
    expect(instanceLogParts(identity)).toEqual(parts);
    expect(instanceLogDir('/var/log/drove', identity)).toBe(`/var/log/drove/${parts[0]}/${parts[1]}`);
  });
});
