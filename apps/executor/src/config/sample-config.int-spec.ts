import { readConfigFile } from '@drove/config';
import { join } from 'node:path';
import { ExecutorConfig } from './executor-config';

describe('deploy/config/executor.yml', () => {
  it('is valid and states exactly the defaults', () => {
    const sample = join(__dirname, '..', '..', '..', '..', 'deploy', 'config', 'executor.yml');
    expect(readConfigFile(ExecutorConfig, ['--config', sample], {}, 'UNUSED')).toEqual(
      readConfigFile(ExecutorConfig, [], {}, 'UNUSED'),
    );
  });
});
