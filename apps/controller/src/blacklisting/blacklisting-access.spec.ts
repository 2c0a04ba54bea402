import { defaultAuthSettings } from '../auth/auth-settings';
import { UserConfig } from '../config/controller-config';
import { startTestController, TestController } from '../testing/test-controller';

const NOW = 1_700_000_000_000;

const basic = (name: string) => ({ authorization: `Basic ${Buffer.from(`${name}:pw`).toString('base64')}` });

describe('blacklisting is MAINT, log files are LOGS', () => {
  let ctl: TestController;

  beforeAll(async () => {
    const auth = defaultAuthSettings();
    const users = [
      ['writer', 'EXTERNAL_READ_WRITE'],
      ['ops', 'DROVE_EXTERNAL_MAINTENANCE'],
      ['reader', 'EXTERNAL_READ_ONLY'],
    ].map(([username, role]) => Object.assign(new UserConfig(), { username, password: 'pw', role }));
    Object.assign(auth.userAuth, { enabled: true, encoding: 'PLAIN', users });
    ctl = await startTestController(NOW, auth);
  });

  afterAll(() => ctl.app.close());

  it.each([
    ['writer', '/apis/v1/cluster/executors/e-1/blacklist', 'POST', 403],
    ['writer', '/apis/v1/cluster/executors/unblacklist?id=e-1', 'POST', 403],
    ['ops', '/apis/v1/cluster/executors/e-1/blacklist', 'POST', 200],
    ['ops', '/apis/v1/cluster/executors/unblacklist?id=e-1', 'POST', 200],
    ['ops', '/apis/v1/logfiles/applications/a-1/AI-1/list', 'GET', 403],
    ['reader', '/apis/v1/logfiles/applications/a-1/AI-1/list', 'GET', 204],
    ['writer', '/apis/v1/logfiles/tasks/a/T-1/read/output.log', 'GET', 204],
  ])('%s %s -> %s', async (user, url, method, code) => {
    const answer = await ctl.app.inject({ method: method as 'GET' | 'POST', url, headers: basic(user) });
    expect(answer.statusCode).toBe(code);
  });
});
