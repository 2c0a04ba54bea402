import { givenFor } from '../../testing/decider-harness';
import { isInMaintenanceWindow } from './cluster-aggregate';
import { clusterDecider } from './cluster.decider';
import { clusterEvent as ev } from './events';

const given = givenFor(clusterDecider);
const set = ev('MaintenanceModeSet', { hostname: 'c1', at: 1000 });
const removed = ev('MaintenanceModeRemoved', { hostname: 'c1', at: 2000 });

describe('cluster decider', () => {
  it('sets maintenance', () => {
    expect(given().when({ type: 'SetMaintenanceMode', hostname: 'c1', at: 1000 }).then(set).state).toBe(
      'MAINTENANCE',
    );
  });

  it('removes maintenance', () => {
    expect(
      given(set).when({ type: 'UnsetMaintenanceMode', hostname: 'c1', at: 2000 }).then(removed).state,
    ).toBe('NORMAL');
  });

  it('setting the current mode again is a no-op', () => {
    given(set).when({ type: 'SetMaintenanceMode', hostname: 'c1', at: 3000 }).then();
    given().when({ type: 'UnsetMaintenanceMode', hostname: 'c1', at: 3000 }).then();
  });

  it('records a new leader, with the previous one', () => {
    given()
      .when({ type: 'RecordLeadership', hostname: 'c1', at: 1 })
      .then(ev('LeadershipAcquired', { hostname: 'c1', at: 1 }));
    given(ev('LeadershipAcquired', { hostname: 'c1', at: 1 }))
      .when({ type: 'RecordLeadership', hostname: 'c2', at: 2 })
      .then(ev('LeadershipAcquired', { hostname: 'c2', previousLeader: 'c1', at: 2 }));
    given(ev('LeadershipAcquired', { hostname: 'c1', at: 1 }))
      .when({ type: 'RecordLeadership', hostname: 'c1', at: 2 })
      .then();
  });

  it.each([
    ['never changed', [], 0, false],
    ['in maintenance', [set], 10 ** 9, true],
    ['just after unset', [set, removed], 2000 + 39_999, true],
    ['40 s after unset', [set, removed], 2000 + 40_000, false],
  ] as const)('maintenance window: %s', (_name, history, now, expected) => {
    expect(isInMaintenanceWindow(given(...history).state, now)).toBe(expected);
  });
});
