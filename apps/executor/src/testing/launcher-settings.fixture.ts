import { HOST_CONFIG_SOURCES } from '../containers/config-files';
import { LauncherSettings } from '../containers/container-launcher';
import { DEFAULT_HOST_SETTINGS } from '../containers/container-request';

// Launcher settings for tests: every container carries `drove-ts.test=1` plus a per-suite run label, so a
// suite finds and removes exactly its own containers.
export function launcherSettings(run: string, overrides: Partial<LauncherSettings> = {}): LauncherSettings {
  return {
    executorId: 'executor-test',
    hostname: 'localhost',
    pullPolicy: 'IF_ABSENT',
    cacheImages: true,
    host: { ...DEFAULT_HOST_SETTINGS, maxOpenFiles: 1024 },
    executorEnv: {},
    configSources: HOST_CONFIG_SOURCES,
    extraLabels: { 'drove-ts.test': '1', 'drove-ts.run': run },
    now: Date.now,
    ...overrides,
  };
}
