import { ActivationState, LocalServiceState } from '@drove/domain';
import {
  LocalServiceInstanceResources,
  LocalServiceSummary,
} from '../../local-services/local-service-summary';

/** Drove's LocalServiceSummary; `totalCPUs`/`totalMemory` (MB) are per instance times the active instances. */
export class LocalServiceSummaryDto implements LocalServiceSummary {
  /** `<name>-<version>`. */
  id!: string;
  name!: string;
  instancesPerHost!: number;
  healthyInstances!: number;
  totalCPUs!: number;
  totalMemory!: number;
  tags!: Record<string, string>;
  activationState!: ActivationState;
  state!: LocalServiceState;
  /** Epoch ms. */
  created!: number;
  /** Epoch ms. */
  updated!: number;
}

/** What the ACTIVE and CONFIG_TESTING local services need on each executor. */
export class LocalServiceInstanceResourcesDto implements LocalServiceInstanceResources {
  cpus!: number;
  /** MB. */
  memory!: number;
  /** serviceId -> instancesPerHost. */
  requiredInstances!: Record<string, number>;
}
