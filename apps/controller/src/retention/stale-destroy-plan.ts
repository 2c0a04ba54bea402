import { ClusterViewProjection } from '../projections/cluster-view.projection';
import { lastChangeOf } from './old-records';

export interface StaleAges {
  appAgeMs: number;
  serviceAgeMs: number;
}

/** What the leader asks to destroy, and the cutoff each command re-checks against the stored state. */
export interface StaleDestroyPlan {
  appIds: string[];
  appsStaleBefore: number;
  serviceIds: string[];
  servicesStaleBefore: number;
}

/**
 * Drove's StaleDataCleaner destroys: apps in MONITORING (suspended: no instance expected) and local services
 * INACTIVE, last changed before `now - age`. Pure; the destroys go through the deciders, which refuse any that
 * changed since this plan.
 */
export function planStaleDestroys(
  view: ClusterViewProjection,
  now: number,
  ages: StaleAges,
): StaleDestroyPlan {
  const appsStaleBefore = now - ages.appAgeMs;
  const servicesStaleBefore = now - ages.serviceAgeMs;
  const appIds = view
    .applications()
    .filter((app) => app.state === 'MONITORING' && lastChangeOf(app) < appsStaleBefore)
    .map((app) => app.appId as string);
  const serviceIds = view
    .localServices()
    .filter((service) => service.state === 'INACTIVE' && lastChangeOf(service) < servicesStaleBefore)
    .map((service) => service.serviceId as string);
  return { appIds, appsStaleBefore, serviceIds, servicesStaleBefore };
}
