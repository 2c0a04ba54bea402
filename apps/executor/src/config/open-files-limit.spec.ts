import { effectiveMaxOpenFiles, parseHardOpenFilesLimit } from './open-files-limit';

const limits = (hard: string) =>
  [
    'Limit                     Soft Limit           Hard Limit           Units     ',
    'Max processes             95232                95232                processes ',
    `Max open files            20000                ${hard.padEnd(20)} files     `,
  ].join('\n');

describe('open-files limit for containers', () => {
  it('reads the hard limit of /proc/<pid>/limits', () => {
    expect(parseHardOpenFilesLimit(limits('524288'))).toBe(524288);
    expect(parseHardOpenFilesLimit(limits('unlimited'))).toBeNull();
    expect(parseHardOpenFilesLimit('Max processes 1 1 processes')).toBeNull();
  });

  it('asks for no more than the host grants, and for what was configured when that fits', () => {
    expect(effectiveMaxOpenFiles(470000, 20000)).toBe(20000);
    expect(effectiveMaxOpenFiles(470000, 1048576)).toBe(470000);
    expect(effectiveMaxOpenFiles(470000, null)).toBe(470000);
  });
});
