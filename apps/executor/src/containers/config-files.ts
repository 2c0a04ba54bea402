import { readFile } from 'node:fs/promises';
import { FileToCopy } from '../runtime/container-runtime.port';
import { ConfigSpec, HttpCallSpec } from './container-spec';
import { httpCall } from './http-call';

// Turns a spec's configs into file contents, resolved on the executor before the container starts.

export interface ConfigSources {
  readHostFile(path: string): Promise<Buffer>;
  fetch(spec: HttpCallSpec): Promise<Buffer>;
}

export const HOST_CONFIG_SOURCES: ConfigSources = { readHostFile: (path) => readFile(path), fetch: httpCall };

export class ConfigResolutionError extends Error {}

async function contentOf(config: ConfigSpec, sources: ConfigSources): Promise<Buffer> {
  switch (config.type) {
    case 'INLINE':
      return Buffer.from(config.data, 'base64');
    case 'EXECUTOR_LOCAL_FILE':
      return sources.readHostFile(config.filePathOnHost);
    case 'EXECUTOR_HTTP_FETCH':
      return sources.fetch(config.http);
  }
}

export async function resolveConfigFiles(
  configs: ConfigSpec[],
  sources: ConfigSources,
): Promise<FileToCopy[]> {
  return Promise.all(
    configs.map(async (config) => {
      if (!config.localFilename.startsWith('/')) {
        throw new ConfigResolutionError(`config file name must be an absolute path: ${config.localFilename}`);
      }
      try {
        return { path: config.localFilename, content: await contentOf(config, sources) };
      } catch (err) {
        throw new ConfigResolutionError(
          `could not resolve ${config.type} config for ${config.localFilename}: ${(err as Error).message}`,
        );
      }
    }),
  );
}
