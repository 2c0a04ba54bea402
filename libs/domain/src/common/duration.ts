// Drove's durations (Dropwizard `Duration`): `"<count> <unit>"` strings. The unit is kept as given, so
// `"5m"` is written back as `"5 minutes"` and `"300s"` as `"300 seconds"`, never normalised.

export const TIME_UNITS = [
  'nanoseconds',
  'microseconds',
  'milliseconds',
  'seconds',
  'minutes',
  'hours',
  'days',
] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

const NANOS_PER_UNIT: Record<TimeUnit, number> = {
  nanoseconds: 1,
  microseconds: 1e3,
  milliseconds: 1e6,
  seconds: 1e9,
  minutes: 60e9,
  hours: 3600e9,
  days: 86400e9,
};

const SUFFIXES: Record<string, TimeUnit> = {
  ns: 'nanoseconds',
  nanosecond: 'nanoseconds',
  nanoseconds: 'nanoseconds',
  us: 'microseconds',
  microsecond: 'microseconds',
  microseconds: 'microseconds',
  ms: 'milliseconds',
  millisecond: 'milliseconds',
  milliseconds: 'milliseconds',
  s: 'seconds',
  second: 'seconds',
  seconds: 'seconds',
  m: 'minutes',
  min: 'minutes',
  mins: 'minutes',
  minute: 'minutes',
  minutes: 'minutes',
  h: 'hours',
  hour: 'hours',
  hours: 'hours',
  d: 'days',
  day: 'days',
  days: 'days',
};

const PATTERN = /^(\d+)\s*(\S+)$/;

export class Duration {
  constructor(
    readonly count: number,
    readonly unit: TimeUnit,
  ) {}

  static parse(text: string): Duration | undefined {
    const match = PATTERN.exec(text.trim());
    const unit = match ? SUFFIXES[match[2]] : undefined;
    return match && unit ? new Duration(Number(match[1]), unit) : undefined;
  }

  static of(count: number, unit: TimeUnit): Duration {
    return new Duration(count, unit);
  }

  toMillis(): number {
    return (this.count * NANOS_PER_UNIT[this.unit]) / 1e6;
  }

  toString(): string {
    return `${this.count} ${this.count === 1 ? this.unit.slice(0, -1) : this.unit}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

export const maxDuration = (a: Duration, b: Duration): Duration => (a.toMillis() >= b.toMillis() ? a : b);
