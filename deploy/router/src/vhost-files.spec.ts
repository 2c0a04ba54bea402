import { ExposedAppInfo } from './drove-types';
import { renderVhost, vhostsOf } from './vhost-files';

const app = (appId: string, vhost: string, ...ports: number[]): ExposedAppInfo => ({
  appName: appId.replace(/-\d+$/, ''),
  appId,
  vhost,
  tags: {},
  hosts: ports.map((port) => ({ host: '10.0.0.1', port, portType: 'HTTP' })),
});

describe('vhost files', () => {
  it('merges the hosts of apps sharing a vhost and renders them sorted', () => {
    const [web] = vhostsOf([app('web-2', 'web.test', 9002), app('web-1', 'web.test', 9001, 9000)]);
    const text = renderVhost(web, '8080');
    expect(text).toContain('(apps: web-1, web-2)');
    expect(text).toContain(
      'upstream drove_web_test {\n    server 10.0.0.1:9000;\n    server 10.0.0.1:9001;\n    server 10.0.0.1:9002;\n}',
    );
    expect(text).toContain('    listen 8080;\n    server_name web.test;');
    expect(text).toContain('proxy_pass http://drove_web_test;');
  });

  it('keeps an upstream with no host valid (a down placeholder: nginx answers 502)', () => {
    expect(renderVhost(vhostsOf([app('a-1', 'a.test')])[0], '80')).toContain(
      '    server 127.0.0.1:1 down;\n',
    );
  });
});
