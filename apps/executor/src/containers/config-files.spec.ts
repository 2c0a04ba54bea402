import { ConfigResolutionError, resolveConfigFiles } from './config-files';
import { ConfigSources } from './config-files';

const sources: ConfigSources = {
  readHostFile: async (path) => {
    if (path === '/host/app.yml') return Buffer.from('from-host');
    throw new Error(`ENOENT: ${path}`);
  },
  fetch: async (spec) => Buffer.from(`fetched ${spec.hostname}${spec.path}`),
};

describe('resolveConfigFiles', () => {
  it('decodes inline base64, reads host files and fetches over HTTP', async () => {
    const files = await resolveConfigFiles(
      [
        { type: 'INLINE', localFilename: '/etc/a.conf', data: Buffer.from('inline ✓').toString('base64') },
        { type: 'EXECUTOR_LOCAL_FILE', localFilename: '/etc/b.yml', filePathOnHost: '/host/app.yml' },
        {
          type: 'EXECUTOR_HTTP_FETCH',
          localFilename: '/etc/c.json',
          http: { protocol: 'HTTP', hostname: 'cfg', port: 80, path: '/c' },
        },
      ],
      sources,
    );
    expect(files.map((f) => [f.path, f.content.toString()])).toEqual([
      ['/etc/a.conf', 'inline ✓'],
      ['/etc/b.yml', 'from-host'],
      ['/etc/c.json', 'fetched cfg/c'],
    ]);
  });

  it('fails naming the file when a source fails, and refuses relative file names', async () => {
    await expect(
      resolveConfigFiles(
        [{ type: 'EXECUTOR_LOCAL_FILE', localFilename: '/x', filePathOnHost: '/nope' }],
        sources,
      ),
    ).rejects.toThrow('could not resolve EXECUTOR_LOCAL_FILE config for /x: ENOENT: /nope');
    await expect(
      resolveConfigFiles([{ type: 'INLINE', localFilename: 'etc/x', data: '' }], sources),
    ).rejects.toBeInstanceOf(ConfigResolutionError);
  });
});
