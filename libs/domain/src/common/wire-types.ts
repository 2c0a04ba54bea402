import { PlacementPolicy } from '../specs/placement-policy';
import { ResourceRequirement } from '../specs/resource-requirement';

// The parts of Drove's spec JSON that the deciders and views read. Events store specs in wire form (plain JSON),
// so these describe what is read back from the log; the full shape is the DTOs'.

export interface ClusterOpSpecJson {
  timeout: string;
  parallelism: number;
  failureStrategy: string;
}

export interface PortSpecJson {
  name: string;
  port: number;
  type: string;
}

export interface DeployableSpecJson {
  executable: { type?: string; url: string; dockerPullTimeout: string };
  resources: ResourceRequirement[];
  placementPolicy?: PlacementPolicy;
  tags?: Record<string, string>;
  [field: string]: unknown;
}

export interface ApplicationSpecJson extends DeployableSpecJson {
  name: string;
  version: string;
  exposedPorts: PortSpecJson[];
  exposureSpec?: { vhost: string; portName: string; mode?: string };
}

export interface LocalServiceSpecJson extends DeployableSpecJson {
  name: string;
  version: string;
  exposedPorts: PortSpecJson[];
}

export interface TaskSpecJson extends DeployableSpecJson {
  sourceAppName: string;
  taskId: string;
}

export const cpuCount = (resources: readonly ResourceRequirement[]): number =>
  resources.reduce((sum, r) => sum + (r.type === 'CPU' ? r.count : 0), 0);

export const memoryInMB = (resources: readonly ResourceRequirement[]): number =>
  resources.reduce((sum, r) => sum + (r.type === 'MEMORY' ? r.sizeInMB : 0), 0);
