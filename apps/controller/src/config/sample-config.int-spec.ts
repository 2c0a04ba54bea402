import { join } from 'node:path';
import { ControllerConfig } from './controller-config';
import { readConfigFile } from '@drove/config';

describe('deploy/config/controller.yml', () => {
  it('is valid and states exactly the defaults', () => {
    const sample = join(__dirname, '..', '..', '..', '..', 'deploy', 'config', 'controller.yml');
    const fromFile = readConfigFile(ControllerConfig, ['--config', sample], {}, 'UNUSED');
    const defaults = readConfigFile(ControllerConfig, [], {}, 'UNUSED');
    expect(fromFile).toEqual(defaults);
  });
});
