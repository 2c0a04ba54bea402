import { Allocation } from '../cluster/allocation';

export interface PlacementFailure {
  instanceId: string;
  // One line for operators, naming why executors were turned down.
  message: string;
  // Executors turned down, by reason.
  rejections: Record<string, number>;
}

export type PlacementResult = { ok: true; allocation: Allocation } | { ok: false; failure: PlacementFailure };
