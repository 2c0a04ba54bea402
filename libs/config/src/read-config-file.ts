import { ClassConstructor } from 'class-transformer';
import { readFileSync } from 'node:fs';
import { ConfigError, parseConfig } from './load-config';

/**
 * The config file named by `--config <file>` or by the environment variable `envName`; with neither, the defaults.
 * A named file that cannot be read is an error: silently running on defaults would join the wrong cluster.
 */
export function readConfigFile<T extends object>(
  type: ClassConstructor<T>,
  argv: string[],
  env: NodeJS.ProcessEnv,
  envName: string,
): T {
  const flag = argv.indexOf('--config');
  const path = flag >= 0 ? argv[flag + 1] : env[envName];
  if (flag >= 0 && !path) throw new ConfigError('--config needs a file name');
  if (!path) return parseConfig(type, null, 'defaults', env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`${path}: cannot read the config file: ${(err as Error).message}`);
  }
  return parseConfig(type, text, path, env);
}
