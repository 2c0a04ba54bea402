import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { load } from 'js-yaml';

/** A config file that cannot be used; the message names the file and every offending field. */
export class ConfigError extends Error {}

/**
 * Reads a YAML config the way Drove's Dropwizard does: `${VAR}` substituted from the environment (an undefined
 * variable is an error, not an empty string), unknown keys rejected (a typo must not silently fall back to a
 * default), then validated. `text` null means no file: every default applies.
 */
export function parseConfig<T extends object>(
  type: ClassConstructor<T>,
  text: string | null,
  source: string,
  env: NodeJS.ProcessEnv,
): T {
  let raw: unknown = {};
  if (text !== null && text.trim() !== '') {
    try {
      raw = load(substituteEnv(text, source, env)) ?? {};
    } catch (err) {
      if (err instanceof ConfigError) throw err;
      throw new ConfigError(`${source}: not valid YAML: ${(err as Error).message}`);
    }
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(`${source}: the top level must be a mapping of keys to values`);
  }
  const config = plainToInstance(type, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length > 0) {
    throw new ConfigError(
      `${source}: invalid configuration:\n${flatten(errors)
        .map((e) => `  - ${e}`)
        .join('\n')}`,
    );
  }
  return config;
}

function substituteEnv(text: string, source: string, env: NodeJS.ProcessEnv): string {
  // Whole-line comments are left alone, so a sample file can show the syntax it documents.
  return text
    .split('\n')
    .map((line) =>
      /^\s*#/.test(line)
        ? line
        : line.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
            const value = env[name];
            if (value === undefined)
              throw new ConfigError(`${source}: environment variable ${name} is not set`);
            return value;
          }),
    )
    .join('\n');
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix + error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...flatten(error.children ?? [], `${path}.`)];
  });
}
