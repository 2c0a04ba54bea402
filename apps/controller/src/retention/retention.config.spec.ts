import { ConfigError, parseConfig } from '@drove/config';
import { ControllerConfig } from '../config/controller-config';

const parse = (yaml: string | null) => parseConfig(ControllerConfig, yaml, 'c.yml', {});

describe('retention and snapshot settings', () => {
  it("take Drove's defaults, and Drove's duration strings", () => {
    expect(parse(null).options).toMatchObject({
      staleCheckInterval: '1 hour',
      staleAppAge: '7 days',
      staleServiceAge: '7 days',
      staleInstanceAge: '7 days',
      maxStaleInstancesCount: 100,
      staleTaskAge: '2 days',
    });
    expect(parse('options:\n  staleTaskAge: 90m\n').options.staleTaskAge).toBe('90m');
    expect(parse(null).snapshots).toMatchObject({ everyEvents: 10_000, everySeconds: 300 });
  });

  it.each([
    ['options:\n  staleInstanceAge: 30 seconds\n', 'options.staleInstanceAge: must be at least 1 minute'],
    ['options:\n  staleCheckInterval: often\n', 'options.staleCheckInterval: must be a duration such as'],
    ['options:\n  staleAppAge: 59s\n', 'options.staleAppAge: must be at least 1 minute'],
    ['options:\n  staleServiceAge: 7 weeks ago\n', 'options.staleServiceAge: must be a duration such as'],
    ['options:\n  maxStaleInstancesCount: 5000\n', 'options.maxStaleInstancesCount'],
    ['snapshots:\n  everyEvents: 10\n', 'snapshots.everyEvents'],
  ])('refuse %j naming the field', (yaml, message) => {
    expect(() => parse(yaml)).toThrow(ConfigError);
    expect(() => parse(yaml)).toThrow(message);
  });
});
