import { join } from 'node:path';
import { InstanceIdentity } from '../containers/container-spec';

export const OUTPUT_LOG = 'output.log';

// Drove's log layout: <root>/<appId>/<instanceId>/output.log for apps, <serviceId>/<instanceId> for local
// services and <sourceAppName>/<taskId> for tasks - the two path parts of /apis/v1/logs/filestream/{a}/{b}/...
export function instanceLogParts(identity: InstanceIdentity): [string, string] {
  switch (identity.jobType) {
    case 'SERVICE':
      return [identity.appId, identity.instanceId];
    case 'LOCAL_SERVICE':
      return [identity.serviceId, identity.instanceId];
    case 'COMPUTATION':
      return [identity.sourceAppName, identity.taskId];
  }
}

export function instanceLogDir(root: string, identity: InstanceIdentity): string {
  return join(root, ...instanceLogParts(identity));
}
