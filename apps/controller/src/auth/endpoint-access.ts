import { RouteAccess } from './route-access';

/**
 * Every route the controller serves and its endpoint class, as the README's access table documents them. The
 * role matrix test (`endpoint-matrix.spec.ts`) enumerates the routes the HTTP server really registered and fails
 * on one missing here, so a new route cannot ship without a decision about who may call it.
 */
export const ENDPOINT_ACCESS: Readonly<Record<string, RouteAccess>> = {
  'GET /apis/v1/ping': 'ANY',

  'POST /apis/v1/applications/operations': 'RW',
  'POST /apis/v1/operations': 'RW',
  'POST /apis/v1/applications/operations/:appId/cancel': 'RW',
  'POST /apis/v1/operations/:appId/cancel': 'RW',
  'POST /apis/v1/tasks/operations': 'RW',
  'POST /apis/v1/localservices/operations': 'RW',
  'POST /apis/v1/localservices/operations/:serviceId/cancel': 'RW',

  'POST /apis/v1/cluster/maintenance/set': 'MAINT',
  'POST /apis/v1/cluster/maintenance/unset': 'MAINT',
  'POST /apis/v1/cluster/executors/blacklist': 'MAINT',
  'POST /apis/v1/cluster/executors/unblacklist': 'MAINT',
  'POST /apis/v1/cluster/executors/:executorId/blacklist': 'MAINT',
  'POST /apis/v1/cluster/executors/:executorId/unblacklist': 'MAINT',

  'GET /apis/v1/applications': 'READ',
  'GET /apis/v1/applications/:appId': 'READ',
  'GET /apis/v1/applications/:appId/spec': 'READ',
  'GET /apis/v1/applications/:appId/instances': 'READ',
  'GET /apis/v1/applications/:appId/instances/old': 'READ',
  'GET /apis/v1/applications/:appId/instances/:instanceId': 'READ',
  'POST /apis/v1/applications/validate/spec': 'READ',
  'POST /apis/v1/applications/placementpolicy/rule/dryrun': 'READ',
  'GET /apis/v1/cluster': 'READ',
  'GET /apis/v1/cluster/dashboard': 'READ',
  'GET /apis/v1/cluster/executors': 'READ',
  'GET /apis/v1/cluster/executors/:executorId': 'READ',
  'GET /apis/v1/endpoints': 'READ',
  'GET /apis/v1/endpoints/app/:appName': 'READ',
  'GET /apis/v1/cluster/events/latest': 'READ',
  'GET /apis/v1/cluster/events/summary': 'READ',
  'GET /apis/v1/cluster/events': 'READ',
  'POST /apis/v1/tasks/validate/spec': 'READ',
  'GET /apis/v1/tasks': 'READ',
  'GET /apis/v1/tasks/:sourceAppName/instances/:taskId': 'READ',
  'DELETE /apis/v1/tasks/:sourceAppName/instances/:taskId': 'READ',
  'POST /apis/v1/localservices/validate/spec': 'READ',
  'GET /apis/v1/localservices': 'READ',
  'GET /apis/v1/localservices/:serviceId': 'READ',
  'GET /apis/v1/localservices/:serviceId/spec': 'READ',
  'GET /apis/v1/localservices/:serviceId/instances': 'READ',
  'GET /apis/v1/localservices/:serviceId/instances/old': 'READ',
  'GET /apis/v1/localservices/:serviceId/instances/:instanceId': 'READ',
  'GET /apis/v2/audit/events': 'READ',
  'GET /apis/v2/audit/verify': 'READ',
  'GET /apis/v2/history/cluster': 'READ',
  'GET /apis/v2/events/stream': 'READ',

  'GET /apis/v1/logfiles/applications/:appId/:instanceId/list': 'LOGS',
  'GET /apis/v1/logfiles/applications/:appId/:instanceId/read/:file': 'LOGS',
  'GET /apis/v1/logfiles/applications/:appId/:instanceId/download/:file': 'LOGS',
  'GET /apis/v1/logfiles/tasks/:appName/:taskId/list': 'LOGS',
  'GET /apis/v1/logfiles/tasks/:appName/:taskId/read/:file': 'LOGS',
  'GET /apis/v1/logfiles/tasks/:appName/:taskId/download/:file': 'LOGS',
  'GET /apis/v1/logfiles/localservices/:serviceId/:instanceId/list': 'LOGS',
  'GET /apis/v1/logfiles/localservices/:serviceId/:instanceId/read/:file': 'LOGS',
  'GET /apis/v1/logfiles/localservices/:serviceId/:instanceId/download/:file': 'LOGS',

  'POST /apis/v1/messages': 'NODE',
  'GET /apis/v1/internal/cluster/resources/reserved': 'NODE',
  'GET /apis/v1/internal/cluster/executors/:executorId/instances/last': 'NODE',
  'GET /apis/v1/internal/cluster/executors/:executorId/instances/current': 'NODE',

  'GET /apis/v1/internal/instances': 'APPI',
};
