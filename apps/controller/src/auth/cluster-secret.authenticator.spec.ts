import { ClusterSecretAuthenticator } from './cluster-secret.authenticator';

describe('ClusterSecretAuthenticator', () => {
  const auth = new ClusterSecretAuthenticator([
    { nodeType: 'CONTROLLER', secret: 'ctl-secret' },
    { nodeType: 'EXECUTOR', secret: 'exec-secret' },
  ]);

  it.each([
    [{ 'cluster-authorization': 'exec-secret', nodeid: 'host-7' }, 'executor:host-7'],
    [{ 'cluster-authorization': 'ctl-secret', nodeid: 'ctl-2' }, 'controller:ctl-2'],
    [{ 'cluster-authorization': 'exec-secret' }, 'executor:unknown'],
  ])('names the node by its secret and NodeId: %j', async (headers, name) => {
    await expect(auth.authenticate(headers)).resolves.toEqual({ name, role: 'DROVE_CLUSTER_NODE' });
  });

  it.each([{}, { 'cluster-authorization': 'exec-secre' }, { 'cluster-authorization': '' }])(
    'refuses %j',
    async (headers) => {
      await expect(auth.authenticate(headers)).resolves.toBeNull();
    },
  );
});
