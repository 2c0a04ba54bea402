import { parsePrometheusText, sampleValue } from './prometheus-text';

const GOOD = [
  '# HELP drove_x_total Things',
  '# TYPE drove_x_total counter',
  'drove_x_total{type="A",result="ok"} 3',
  '# TYPE drove_lat_seconds histogram',
  'drove_lat_seconds_bucket{le="0.5"} 1',
  'drove_lat_seconds_bucket{le="+Inf"} 2',
  'drove_lat_seconds_sum 1.5e-1',
  'drove_lat_seconds_count 2',
  '# TYPE drove_up gauge',
  'drove_up{msg="a \\"q\\" \\\\ b"} NaN 1700000000000',
  '',
].join('\n');

describe('parsePrometheusText', () => {
  it('reads families, labels (escapes included) and values', () => {
    const parsed = parsePrometheusText(GOOD);
    expect([...parsed.types]).toEqual([
      ['drove_x_total', 'counter'],
      ['drove_lat_seconds', 'histogram'],
      ['drove_up', 'gauge'],
    ]);
    expect(sampleValue(parsed, 'drove_x_total', { type: 'A' })).toBe(3);
    expect(sampleValue(parsed, 'drove_lat_seconds_bucket', { le: '+Inf' })).toBe(2);
    expect(sampleValue(parsed, 'drove_lat_seconds_sum')).toBe(0.15);
    expect(parsed.samples[parsed.samples.length - 1].labels).toEqual({ msg: 'a "q" \\ b' });
  });

  it.each([
    ['a sample of an undeclared family', 'drove_y 1'],
    ['a bad value', '# TYPE drove_y gauge\ndrove_y one'],
    ['an unquoted label', '# TYPE drove_y gauge\ndrove_y{a=b} 1'],
    ['a bad metric name', '# TYPE 1drove gauge\n1drove 1'],
    ['a histogram sample without its suffix', '# TYPE drove_h histogram\ndrove_h 1'],
    ['a family declared twice', '# TYPE drove_y gauge\n# TYPE drove_y gauge'],
  ])('refuses %s', (_, text) => {
    expect(() => parsePrometheusText(text)).toThrow();
  });
});
