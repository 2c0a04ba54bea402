import { ApplicationState } from '@drove/domain';
import { AppSummary } from '../../projections/app-summary';

/** Drove's AppSummary; `totalCPUs`/`totalMemory` (MB) are per instance times the expected instances. */
export class AppSummaryDto implements AppSummary {
  /** `<name>-<version>`. */
  id!: string;
  name!: string;
  requiredInstances!: number;
  healthyInstances!: number;
  totalCPUs!: number;
  totalMemory!: number;
  tags!: Record<string, string>;
  state!: ApplicationState;
  /** Epoch ms. */
  created!: number;
  /** Epoch ms. */
  updated!: number;
}
