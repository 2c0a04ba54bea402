import { Decider } from '../common/decider';
import { Result, ok } from '../common/result';
import { ClusterAggregate, initialClusterState } from './cluster-aggregate';
import { ClusterCommand } from './commands';
import { ClusterEvent, clusterEvent } from './events';

// Setting a mode the cluster is already in changes nothing (Drove would rewrite it and restart the 40 s grace).
const decide = (s: ClusterAggregate, c: ClusterCommand): Result<ClusterEvent[]> => {
  const { hostname, at } = c;
  switch (c.type) {
    case 'SetMaintenanceMode':
      return ok(s.state === 'MAINTENANCE' ? [] : [clusterEvent('MaintenanceModeSet', { hostname, at })]);
    case 'UnsetMaintenanceMode':
      return ok(s.state === 'NORMAL' ? [] : [clusterEvent('MaintenanceModeRemoved', { hostname, at })]);
    case 'RecordLeadership':
      if (s.leader === hostname) return ok([]);
      return ok([
        clusterEvent('LeadershipAcquired', {
          hostname,
          ...(s.leader ? { previousLeader: s.leader } : {}),
          at,
        }),
      ]);
  }
};

const evolve = (s: ClusterAggregate, e: ClusterEvent): ClusterAggregate => {
  switch (e.type) {
    case 'MaintenanceModeSet':
      return { ...s, state: 'MAINTENANCE', updated: e.data.at };
    case 'MaintenanceModeRemoved':
      return { ...s, state: 'NORMAL', updated: e.data.at };
    case 'LeadershipAcquired':
      return { ...s, leader: e.data.hostname };
  }
};

export const clusterDecider: Decider<ClusterAggregate, ClusterCommand, ClusterEvent> = {
  initialState: initialClusterState,
  decide,
  evolve,
};
