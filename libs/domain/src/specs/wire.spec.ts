import { parseApplicationSpec, parseLocalServiceSpec, parseTaskSpec } from './parse-specs';
import { Parsed, toWire } from './wire';
import {
  applicationSpecJson,
  localServiceSpecJson,
  minimalApplicationSpecJson,
  taskSpecJson,
} from '../testing/spec-fixtures';

const value = <T>(parsed: Parsed<T>): T => {
  if (!parsed.ok) throw new Error(`expected a valid spec, got ${parsed.errors.join('; ')}`);
  return parsed.value;
};

describe('Drove JSON round trip', () => {
  it.each([
    ['application', parseApplicationSpec, applicationSpecJson],
    ['minimal application', parseApplicationSpec, minimalApplicationSpecJson],
    ['task', parseTaskSpec, taskSpecJson],
    ['local service', parseLocalServiceSpec, localServiceSpecJson],
  ] as [string, (json: unknown) => Parsed<object>, () => object][])(
    'a complete %s spec survives parse -> serialise unchanged',
    (_name, parse, fixture) => {
      expect(toWire(value(parse(fixture())))).toEqual(fixture());
    },
  );

  it('ignores unknown fields, at the top and nested', () => {
    const json = { ...minimalApplicationSpecJson(), surprise: 1 } as Record<string, unknown>;
    (json.exposedPorts as Record<string, unknown>[])[0].extra = 'x';
    expect(toWire(value(parseApplicationSpec(json)))).toEqual(minimalApplicationSpecJson());
  });

  it('omits null fields on output but keeps empty strings, lists and maps', () => {
    const json = { ...minimalApplicationSpecJson(), tags: {}, args: [], userSpec: null, env: { A: '' } };
    const wire = toWire(value(parseApplicationSpec(json))) as Record<string, unknown>;
    expect(wire).not.toHaveProperty('userSpec');
    expect(wire.tags).toEqual({});
    expect(wire.args).toEqual([]);
    expect(wire.env).toEqual({ A: '' });
  });

  it('reads enums case-insensitively (and - or space for _) and writes them in upper case', () => {
    const json = minimalApplicationSpecJson() as Record<string, unknown>;
    json.type = 'service';
    json.exposedPorts = [{ name: 'main', port: 8000, type: 'http' }];
    json.placementPolicy = { type: 'one-per-host' };
    const wire = toWire(value(parseApplicationSpec(json))) as Record<string, unknown>;
    expect(wire.type).toBe('SERVICE');
    expect(wire.exposedPorts).toEqual([{ name: 'main', port: 8000, type: 'HTTP' }]);
    expect(wire.placementPolicy).toEqual({ type: 'ONE_PER_HOST' });
  });

  it('coerces numeric strings into integers and scalar map values into strings, as Jackson does', () => {
    const json = minimalApplicationSpecJson() as Record<string, unknown>;
    json.exposedPorts = [{ name: 'main', port: '8000', type: 'HTTP' }];
    json.env = { N: 1, B: true };
    const wire = toWire(value(parseApplicationSpec(json))) as Record<string, unknown>;
    expect(wire.exposedPorts).toEqual([{ name: 'main', port: 8000, type: 'HTTP' }]);
    expect(wire.env).toEqual({ N: '1', B: 'true' });
  });

  it('defaults a missing executable type to DOCKER', () => {
    const json = minimalApplicationSpecJson() as Record<string, unknown>;
    json.executable = { url: 'x', dockerPullTimeout: '1 minute' };
    expect((toWire(value(parseApplicationSpec(json))) as Record<string, unknown>).executable).toEqual({
      type: 'DOCKER',
      url: 'x',
      dockerPullTimeout: '1 minute',
    });
  });

  it.each([
    ['5m', '5 minutes'],
    ['300s', '300 seconds'],
    ['1 second', '1 second'],
    ['100 ms', '100 milliseconds'],
    ['0 seconds', '0 seconds'],
  ])('writes the duration %s back as %s', (input, output) => {
    const json = minimalApplicationSpecJson() as Record<string, unknown>;
    json.executable = { type: 'DOCKER', url: 'x', dockerPullTimeout: input };
    const wire = toWire(value(parseApplicationSpec(json))) as { executable: { dockerPullTimeout: string } };
    expect(wire.executable.dockerPullTimeout).toBe(output);
  });

  it('rejects something that is not an object as JSON', () => {
    expect(parseApplicationSpec([])).toMatchObject({ ok: false, kind: 'JSON' });
  });
});
