// A strict reader of the Prometheus text exposition format (0.0.4), enough to check what /metrics serves: every
// sample belongs to a family declared by `# TYPE`, names and labels are well formed, values are floats.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  types: Map<string, string>;
  samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const TYPE_LINE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const HELP_LINE = new RegExp(`^# HELP (${NAME}) .*$`);
const SAMPLE_LINE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: -?\\d+)?$`);
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/;
// Case-insensitive Inf/NaN as Prometheus' own parser (Go's ParseFloat) reads them; prom-client writes `Nan`.
const FLOAT = /^(?:[+-]?(?:\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)|[+-]?inf|nan)$/i;
const SUFFIXES: Record<string, readonly string[]> = {
  counter: ['', '_total'],
  gauge: [''],
  untyped: [''],
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest.length > 0) {
    const m = LABEL.exec(rest);
    if (!m) throw new Error(`bad labels in: ${line}`);
    labels[m[1]] = m[2].replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    rest = rest.slice(m[0].length);
  }
  return labels;
}

function parseValue(text: string, line: string): number {
  if (!FLOAT.test(text)) throw new Error(`bad value in: ${line}`);
  const lower = text.toLowerCase();
  if (lower.endsWith('inf')) return lower.startsWith('-') ? -Infinity : Infinity;
  return lower === 'nan' ? NaN : Number(text);
}

function familyOf(name: string, types: Map<string, string>): string | undefined {
  for (const [family, type] of types) {
    if (SUFFIXES[type].some((suffix) => family + suffix === name)) return family;
  }
  return undefined;
}

export function parsePrometheusText(text: string): Exposition {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || HELP_LINE.test(line)) continue;
    const typed = TYPE_LINE.exec(line);
    if (typed) {
      if (types.has(typed[1])) throw new Error(`family declared twice: ${typed[1]}`);
      types.set(typed[1], typed[2]);
      continue;
    }
    const m = SAMPLE_LINE.exec(line);
    if (!m) throw new Error(`not a sample, TYPE or HELP line: ${line}`);
    if (!familyOf(m[1], types)) throw new Error(`sample of no declared family: ${line}`);
    samples.push({ name: m[1], labels: parseLabels(m[2] ?? '', line), value: parseValue(m[3], line) });
  }
  return { types, samples };
}

/** The value of the one sample named `name` whose labels include `labels`. */
export function sampleValue(
  exposition: Exposition,
  name: string,
  labels: Record<string, string> = {},
): number {
  const found = exposition.samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  if (found.length !== 1) throw new Error(`${found.length} samples ${name} ${JSON.stringify(labels)}`);
  return found[0].value;
}
