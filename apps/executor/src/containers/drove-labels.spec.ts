import { droveLabels, isDroveContainer, parseDroveLabels } from './drove-labels';
import { executorInstanceInfo } from './executor-instance-info';

const info = executorInstanceInfo({
  identity: { jobType: 'SERVICE', appId: 'web-1', appName: 'web', instanceId: 'AI-1' },
  resources: { cores: { 1: [4, 5] }, memoryInMB: { 1: 512 } },
  executorId: 'ex-1',
  hostname: 'host-a',
  ports: { main: { containerPort: 8000, hostPort: 20001, portType: 'HTTP' } },
  now: 1700000000000,
});
const labels = droveLabels(
  { jobType: 'SERVICE', instanceId: 'AI-1', spec: { appId: 'web-1' }, info },
  { x: 'y' },
);

describe('Drove labels', () => {
  it("uses Drove's label keys and values and keeps extra labels", () => {
    expect(labels).toMatchObject({ x: 'y', 'drove.job.type': 'SERVICE', 'drove.instance.id': 'AI-1' });
    expect(JSON.parse(labels['drove.instance.spec'] ?? '')).toEqual({ appId: 'web-1' });
    expect(JSON.parse(labels['drove.instance.info'] ?? '')).toEqual({
      appId: 'web-1',
      appName: 'web',
      instanceId: 'AI-1',
      executorId: 'ex-1',
      hostname: 'host-a',
      localInfo: {
        hostname: 'host-a',
        ports: { main: { containerPort: 8000, hostPort: 20001, portType: 'HTTP' } },
      },
      resources: [
        { type: 'CPU', cores: { '1': [4, 5] } },
        { type: 'MEMORY', memoryInMB: { '1': 512 } },
      ],
      metadata: {},
      created: 1700000000000,
      updated: 1700000000000,
    });
  });

  it('parses its own labels back', () => {
    expect(parseDroveLabels(labels)).toEqual({
      jobType: 'SERVICE',
      instanceId: 'AI-1',
      spec: { appId: 'web-1' },
      info,
    });
  });

  it.each([
    ['no labels', {}],
    ['an unknown job type', { ...labels, 'drove.job.type': 'BATCH' }],
    ['no spec', { ...labels, 'drove.instance.spec': '' }],
    ['broken info JSON', { ...labels, 'drove.instance.info': '{' }],
    ['info of another instance', { ...labels, 'drove.instance.id': 'AI-2' }],
  ])('refuses %s', (_, broken) => {
    expect(parseDroveLabels(broken as Record<string, string>)).toBeUndefined();
  });

  it('recognises a Drove container by job type and instance id alone', () => {
    expect(isDroveContainer({ 'drove.job.type': 'COMPUTATION', 'drove.instance.id': 'TI-1' })).toBe(true);
    expect(isDroveContainer({ 'drove.instance.id': 'TI-1' })).toBe(false);
    expect(isDroveContainer({ 'drove.job.type': 'SERVICE' })).toBe(false);
  });
});
