import { startTestController, TestController } from '../testing/test-controller';

const NOW = 1_700_000_000_000;

/** A POST as `curl -X POST -H 'Content-Type: ...'` sends it: the type, and no body or an empty one. */
const CONTENT_HEADERS: Record<string, Record<string, string>> = {
  'JSON, no Content-Length': { 'content-type': 'application/json' },
  'JSON, Content-Length 0': { 'content-type': 'application/json', 'content-length': '0' },
  'JSON with charset': { 'content-type': 'application/json; charset=utf-8', 'content-length': '0' },
  'form (curl --data "")': { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '0' },
  'no content type': {},
};
const NOT_JSON = "Body is not valid JSON but content-type is set to 'application/json'";
const CONTENT_CASES = Object.entries(CONTENT_HEADERS);

describe('bodiless POSTs accept an empty body of any content type; routes that need a body refuse it', () => {
  let ctl: TestController;

  // a fresh controller each: maintenance set by one test would refuse the blacklisting of the next
  beforeEach(async () => {
    ctl = await startTestController(NOW, undefined, undefined, false);
  });

  afterEach(() => ctl.app.close());

  const post = async (url: string, headers: Record<string, string>, payload?: string) => {
    const res = await ctl.app.inject({ method: 'POST', url, headers, payload });
    return { code: res.statusCode, body: res.json<Record<string, unknown>>() };
  };
  const logLength = () => ctl.store.headPosition();

  describe.each(CONTENT_CASES)('%s', (_name, headers) => {
    const NO_CANCEL = 'Current operation could not be cancelled';
    it.each([
      ['maintenance set', '/apis/v1/cluster/maintenance/set', 200, 'success'],
      ['maintenance unset', '/apis/v1/cluster/maintenance/unset', 200, 'success'],
      ['app operation cancel', '/apis/v1/applications/operations/nope/cancel', 400, NO_CANCEL],
      ['local service cancel', '/apis/v1/localservices/operations/nope/cancel', 400, NO_CANCEL],
      ['blacklist', '/apis/v1/cluster/executors/nope/blacklist', 200, 'success'],
      ['unblacklist (query form)', '/apis/v1/cluster/executors/unblacklist?id=nope', 200, 'success'],
    ])('%s: the route answers, not the body parser', async (_route, url, code, message) => {
      const answer = await post(url, headers);
      expect({ code: answer.code, message: answer.body.message }).toEqual({ code, message });
    });

    it.each([
      ['app operation', '/apis/v1/applications/operations'],
      ['task operation', '/apis/v1/tasks/operations'],
      ['local service operation', '/apis/v1/localservices/operations'],
      ['app spec validation', '/apis/v1/applications/validate/spec'],
    ])('%s: 400 with validationErrors, nothing recorded', async (_route, url) => {
      const before = await logLength();
      const answer = await post(url, headers);
      expect(answer.code).toBe(400);
      expect(answer.body.status).toBe('FAILED');
      expect((answer.body.data as { validationErrors: string[] }).validationErrors.length).toBeGreaterThan(0);
      expect(await logLength()).toBe(before);
    });
  });

  it.each([
    ['malformed', '{"type":'],
    ['whitespace-only', '  '],
    ['prototype-poisoning', '{"__proto__":{"x":1}}'],
  ])("a %s JSON body is still the parser's 400", async (_name, payload) => {
    const answer = await post(
      '/apis/v1/applications/operations',
      { 'content-type': 'application/json' },
      payload,
    );
    expect(answer).toEqual({
      code: 400,
      body: { status: 'FAILED', message: 'JSON validation failure', data: { validationErrors: [NOT_JSON] } },
    });
  });
});
