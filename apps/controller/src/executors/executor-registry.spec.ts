import { InstanceInfoJson, TaskInfoJson } from '@drove/domain';
import { FakeExecutor } from '../testing/fake-executor';
import { ExecutorChange, ExecutorRegistry } from './executor-registry';

const T0 = 1_700_000_000_000;

describe('executor registry: when executors and their instances were last heard of', () => {
  const clock = { at: T0, now: () => clock.at };
  let registry: ExecutorRegistry;
  let changes: string[];
  const executor = new FakeExecutor();
  const withInstance = (updated: number) => ({
    ...executor.nodeData(),
    updated,
    // the registry reads only the ids of the listed instances
    instances: [{ instanceId: 'AI-1' } as InstanceInfoJson],
  });

  beforeEach(() => {
    clock.at = T0;
    registry = new ExecutorRegistry(clock);
    changes = [];
    registry.onChange((c: ExecutorChange) => changes.push(c.type));
  });

  it('dates node data by its arrival on this clock and knows which instances it lists', () => {
    registry.update(withInstance(5));
    clock.at += 1000;
    expect(registry.heardOf('exec-1-id', 'AI-1')).toBe(T0);
    expect(registry.heardOf('exec-1-id', 'AI-2')).toBeUndefined();
    expect(registry.heardOf('exec-2-id', 'AI-1')).toBeUndefined();
    registry.update(withInstance(6));
    expect(registry.heardOf('exec-1-id', 'AI-1')).toBe(T0 + 1000);
  });

  it('keeps when an instance was last listed after its executor stops listing it or goes', () => {
    registry.update({ ...withInstance(5), tasks: [{ instanceId: 'TI-1' } as TaskInfoJson] });
    clock.at += 20_000;
    registry.update(withInstance(6));
    expect(registry.heardOf('exec-1-id', 'TI-1')).toBe(T0);
    expect(registry.heardOf('exec-1-id', 'AI-1')).toBe(T0 + 20_000);
    registry.remove('exec-1-id', clock.now());
    expect(registry.heardOf('exec-1-id', 'AI-1')).toBe(T0 + 20_000);
    clock.at += 2 * 3600 * 1000 + 1;
    registry.update({
      ...executor.nodeData(),
      state: { ...executor.nodeData().state, executorId: 'exec-2-id' },
    });
    expect(registry.heardOf('exec-1-id', 'AI-1')).toBeUndefined();
  });

  it('does not count a re-read of the same node data as news, so a hung executor ages', () => {
    registry.update(withInstance(5));
    clock.at += 45_000;
    registry.update(withInstance(5));
    expect(registry.staleExecutors(clock.now(), 45_000)).toEqual([]);
    clock.at += 1;
    expect(registry.staleExecutors(clock.now(), 45_000)).toEqual(['exec-1-id']);
  });

  it('adds a removed executor back only with newer node data than it had', () => {
    registry.update(withInstance(5));
    registry.remove('exec-1-id', clock.now());
    expect(registry.staleExecutors(clock.now() + 1e9, 45_000)).toEqual([]);
    registry.update(withInstance(5));
    expect(registry.get('exec-1-id')).toBeUndefined();
    registry.update(withInstance(7));
    expect(registry.get('exec-1-id')).toBeDefined();
    expect(changes).toEqual(['UPDATED', 'REMOVED', 'UPDATED']);
  });
});
