// What the executor needs to run one Drove instance (app, task or local service) as a container. The
// controller's START messages are mapped onto these shapes; field names follow Drove's spec JSON where one exists.

export type JobType = 'SERVICE' | 'COMPUTATION' | 'LOCAL_SERVICE';

export type InstanceIdentity =
  | { jobType: 'SERVICE'; appId: string; appName: string; instanceId: string }
  | { jobType: 'COMPUTATION'; sourceAppName: string; taskId: string; instanceId: string }
  | { jobType: 'LOCAL_SERVICE'; serviceId: string; serviceName: string; instanceId: string };

export type PortType = 'HTTP' | 'HTTPS' | 'TCP' | 'UDP';

export interface InstancePort {
  name: string;
  // The port inside the container.
  port: number;
  type: PortType;
}

export interface VolumeSpec {
  pathInContainer: string;
  pathOnHost: string;
  mode: 'READ_WRITE' | 'READ_ONLY';
}

export interface HttpCallSpec {
  protocol: 'HTTP' | 'HTTPS';
  hostname: string;
  // 0 means the protocol's default port.
  port: number;
  path?: string;
  verb?: 'GET' | 'POST' | 'PUT';
  successCodes?: number[];
  payload?: string;
  connectionTimeoutMs?: number;
  operationTimeoutMs?: number;
  username?: string;
  password?: string;
  authHeader?: string;
  headers?: Record<string, string>;
  insecure?: boolean;
}

export type ConfigSpec =
  | { type: 'INLINE'; localFilename: string; data: string }
  | { type: 'EXECUTOR_LOCAL_FILE'; localFilename: string; filePathOnHost: string }
  | { type: 'EXECUTOR_HTTP_FETCH'; localFilename: string; http: HttpCallSpec };

export type DevicePermissions = 'READ_ONLY' | 'WRITE_ONLY' | 'MKNOD_ONLY' | 'READ_WRITE' | 'ALL';

export type DeviceSpec =
  | { type: 'DIRECT'; pathOnHost: string; pathInContainer?: string; permissions?: DevicePermissions }
  | {
      type: 'DETAILED';
      driver?: string;
      count?: number;
      deviceIds?: string[];
      capabilities?: string[][];
      options?: Record<string, string>;
    };

export interface UserSpec {
  user: string;
  group?: string;
}

export type LoggingSpec =
  | { type: 'LOCAL'; maxSize: string; maxFiles: number; compress: boolean }
  | { type: 'RSYSLOG'; server: string; tagPrefix?: string; tagSuffix?: string };

// Concrete allocation chosen by the scheduler, keyed by NUMA node id.
export interface ResourceAllocation {
  cores: Record<number, number[]>;
  memoryInMB: Record<number, number>;
}

export interface ContainerSpec {
  identity: InstanceIdentity;
  image: string;
  pullTimeoutMs: number;
  resources: ResourceAllocation;
  ports: InstancePort[];
  env: Record<string, string>;
  volumes: VolumeSpec[];
  configs: ConfigSpec[];
  args: string[];
  devices: DeviceSpec[];
  user?: UserSpec;
  logging?: LoggingSpec;
  // JWT minted by the controller for app and local-service instances.
  instanceAuthToken?: string;
  // Local-service instances bound to the same port on the host as in the container.
  hostLevel?: boolean;
}
