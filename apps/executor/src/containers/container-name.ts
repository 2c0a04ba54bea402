import { InstanceIdentity } from './container-spec';

// Drove's container names: `<appId>-<instanceId>`, `<serviceId>-<instanceId>`, and the bare instance id for tasks.
export function containerName(identity: InstanceIdentity): string {
  switch (identity.jobType) {
    case 'SERVICE':
      return `${identity.appId}-${identity.instanceId}`;
    case 'LOCAL_SERVICE':
      return `${identity.serviceId}-${identity.instanceId}`;
    case 'COMPUTATION':
      return identity.instanceId;
  }
}
