import { createDroveClient, DroveClientOptions } from './drove-client';

/** A client whose fetch records the request and answers `body` in Drove's envelope. */
function recording(
  options: Omit<DroveClientOptions, 'fetch'>,
  body: unknown = { status: 'SUCCESS', message: 'success' },
) {
  const requests: Request[] = [];
  const client = createDroveClient({
    ...options,
    fetch: (request) => {
      requests.push(request);
      return Promise.resolve(
        new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
      );
    },
  });
  return { client, requests };
}

describe('createDroveClient', () => {
  it('sends HTTP basic for a user and the cluster headers for a node', async () => {
    const user = recording({ baseUrl: 'http://ctl:4000', credentials: { username: 'ro', password: 'pw' } });
    await user.client.GET('/apis/v1/ping');
    expect(user.requests[0].headers.get('authorization')).toBe(
      `Basic ${Buffer.from('ro:pw').toString('base64')}`,
    );

    const node = recording({
      baseUrl: 'http://ctl:4000',
      credentials: { clusterSecret: 's3cret', nodeId: 'exec-1' },
    });
    await node.client.GET('/apis/v1/ping');
    expect(node.requests[0].headers.get('cluster-authorization')).toBe('s3cret');
    expect(node.requests[0].headers.get('nodeid')).toBe('exec-1');
    expect(node.requests[0].headers.get('authorization')).toBeNull();
  });

  it('builds paths, repeated query parameters and JSON bodies as the document says', async () => {
    const { client, requests } = recording({ baseUrl: 'http://ctl:4000//', headers: { 'x-trace': 't-1' } });
    await client.GET('/apis/v1/applications/{appId}/instances', {
      params: { path: { appId: 'web-1' }, query: { state: ['HEALTHY', 'UNREADY'] } },
    });
    expect(requests[0].url).toBe(
      'http://ctl:4000/apis/v1/applications/web-1/instances?state=HEALTHY&state=UNREADY',
    );
    expect(requests[0].headers.get('x-trace')).toBe('t-1');

    const opSpec = { timeout: '5 minutes', parallelism: 1, failureStrategy: 'STOP' as const };
    await client.POST('/apis/v1/applications/operations', {
      body: { type: 'SCALE', appId: 'web-1', requiredInstances: 3, opSpec },
    });
    expect(requests[1].method).toBe('POST');
    expect(await requests[1].json()).toEqual({ type: 'SCALE', appId: 'web-1', requiredInstances: 3, opSpec });
  });

  it('hands back the envelope typed by the route', async () => {
    const summary = { status: 'SUCCESS', data: { leader: 'ctl:4000', numExecutors: 2 }, message: 'success' };
    const { client } = recording({ baseUrl: 'http://ctl:4000' }, summary);
    const { data } = await client.GET('/apis/v1/cluster');
    expect(data?.data?.leader).toBe('ctl:4000');
    expect(data?.data?.numExecutors).toBe(2);
  });
});
