import { httpCallHeaders, httpCallUrl } from './http-call';

describe('HTTP call spec', () => {
  it.each([
    [{ protocol: 'HTTP' as const, hostname: 'cfg', port: 0 }, 'http://cfg:80/'],
    [{ protocol: 'HTTPS' as const, hostname: 'cfg', port: 0, path: '/a?b=1' }, 'https://cfg:443/a?b=1'],
    [{ protocol: 'HTTP' as const, hostname: '10.0.0.1', port: 8080, path: '/x' }, 'http://10.0.0.1:8080/x'],
  ])('builds the URL of %j', (spec, url) => {
    expect(httpCallUrl(spec)).toBe(url);
  });

  it('sends basic auth in standard base64, or the configured auth header, with extra headers', () => {
    const base = { protocol: 'HTTP' as const, hostname: 'h', port: 1, headers: { 'X-A': '1' } };
    expect(httpCallHeaders({ ...base, username: 'u?', password: 'p>' })).toEqual({
      'X-A': '1',
      Authorization: `Basic ${Buffer.from('u?:p>').toString('base64')}`,
    });
    expect(httpCallHeaders({ ...base, username: 'u', authHeader: 'Bearer t' }).Authorization).toBe(
      'Bearer t',
    );
    expect(httpCallHeaders(base)).toEqual({ 'X-A': '1' });
  });
});
