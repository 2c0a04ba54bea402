import { maskHeaders, maskSecrets } from './mask-secrets';

describe('masking secrets for logs', () => {
  it('masks credential headers, keeping the scheme of Authorization, and leaves the rest', () => {
    expect(
      maskHeaders({
        authorization: 'Basic YWRtaW46cHc=',
        'Cluster-Authorization': 'DefaultExecutorSecret',
        'app-instance-authorization': 'eyJhbGciOi.payload.sig',
        cookie: 'session=abc',
        nodeid: 'exec-1',
        'x-tags': ['a', 'b'],
      }),
    ).toEqual({
      authorization: 'Basic ***',
      'Cluster-Authorization': '***',
      'app-instance-authorization': '***',
      cookie: '***',
      nodeid: 'exec-1',
      'x-tags': 'a, b',
    });
  });

  it('masks a bare token in Authorization whole', () => {
    expect(maskHeaders({ authorization: 'sometoken' })).toEqual({ authorization: '***' });
  });

  it('masks secret-named fields at any depth in a copy, leaving the original alone', () => {
    const config = {
      userAuth: { users: [{ username: 'admin', password: 'pw', role: 'EXTERNAL_ROOT' }] },
      clusterAuth: { secrets: [{ nodeType: 'EXECUTOR', secret: 's' }] },
      fetch: { url: 'http://x', authHeader: 'Bearer t', Password: 'p2', token: null },
    };
    expect(maskSecrets(config)).toEqual({
      userAuth: { users: [{ username: 'admin', password: '***', role: 'EXTERNAL_ROOT' }] },
      clusterAuth: { secrets: [{ nodeType: 'EXECUTOR', secret: '***' }] },
      fetch: { url: 'http://x', authHeader: '***', Password: '***', token: null },
    });
    expect(config.userAuth.users[0].password).toBe('pw');
  });
});
