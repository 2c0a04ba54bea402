import { CommandValidationError } from '../http/drove-errors';
import { MAX_PAGE, pageParam } from '../http/page-param';
import { LimitsConfig } from './limits.config';

/** The parts of an app or task spec (wire JSON) the limits look at. */
interface SizedSpec {
  env?: Record<string, unknown> | null;
  args?: unknown[] | null;
  configs?: { type?: string; data?: unknown }[] | null;
}

/** One line per limit the spec is over, each naming the key that sets it. */
export function specLimitErrors(wire: object, limits: LimitsConfig): string[] {
  const spec = wire as SizedSpec;
  const errors: string[] = [];
  const over = (what: string, actual: number, max: number, key: keyof LimitsConfig) => {
    if (actual > max) errors.push(`${what} is ${actual}, more than the limit of ${max} (limits.${key})`);
  };
  over(
    'spec size in bytes',
    Buffer.byteLength(JSON.stringify(spec), 'utf8'),
    limits.maxSpecBytes,
    'maxSpecBytes',
  );
  over('number of env variables', Object.keys(spec.env ?? {}).length, limits.maxEnvVars, 'maxEnvVars');
  over('number of args', (spec.args ?? []).length, limits.maxArgs, 'maxArgs');
  const configs = spec.configs ?? [];
  over('number of config files', configs.length, limits.maxConfigFiles, 'maxConfigFiles');
  const inline = configs
    .filter((c) => c.type === 'INLINE' && typeof c.data === 'string')
    .reduce((sum, c) => sum + Buffer.from(c.data as string, 'base64').length, 0);
  over('inline config data in bytes', inline, limits.maxInlineConfigBytes, 'maxInlineConfigBytes');
  return errors;
}

export function refuseOverLimits(spec: object, limits: LimitsConfig): void {
  const errors = specLimitErrors(spec, limits);
  if (errors.length > 0) throw new CommandValidationError(errors);
}

/** A page size a client asked for, refused above `limits.maxPageSize` (a missing one keeps Drove's default). */
export function refuseLargePage(name: string, size: number | undefined, limits: LimitsConfig): void {
  if (size !== undefined && size > limits.maxPageSize) {
    throw new CommandValidationError([
      `${name} is ${size}, more than the limit of ${limits.maxPageSize} (limits.maxPageSize)`,
    ]);
  }
}

/** A list's `size`: Drove's default is every item; a size asked for is capped by `limits.maxPageSize`. */
export function pageSizeParam(raw: string | undefined, limits: LimitsConfig): number {
  const size = pageParam('size', raw, MAX_PAGE);
  refuseLargePage('size', raw === undefined ? undefined : size, limits);
  return size;
}
