import { maskHeaders } from './mask-secrets';

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
});
