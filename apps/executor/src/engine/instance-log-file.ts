import { join } from 'node:path';
import { ContainerSpec } from '../containers/container-spec';
import { DEFAULT_LOGGING } from '../containers/container-request';
import { OUTPUT_LOG, instanceLogDir } from '../logs/instance-log-location';
import { parseLogSize } from '../logs/log-size';
import { RotatingLogFile } from '../logs/rotating-log-file';

// `<root>/<a>/<b>/output.log`, rotated per the spec's LOCAL logging (an RSYSLOG spec keeps the defaults: the
// file is still what the log endpoints serve).
export function instanceLogFiles(root: string): (spec: ContainerSpec) => RotatingLogFile {
  return (spec) => {
    const logging = spec.logging?.type === 'LOCAL' ? spec.logging : DEFAULT_LOGGING;
    const policy =
      logging.type === 'LOCAL'
        ? {
            maxSizeBytes: parseLogSize(logging.maxSize),
            maxFiles: logging.maxFiles,
            compress: logging.compress,
          }
        : { maxSizeBytes: 10 << 20, maxFiles: 3, compress: true };
    return new RotatingLogFile(join(instanceLogDir(root, spec.identity), OUTPUT_LOG), policy);
  };
}
