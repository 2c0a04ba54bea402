import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('gives complete messages only, across chunk boundaries, with the last id kept across messages', () => {
    const parser = new SseParser('7');
    expect(parser.push('retry: 250\n: stream open\n\nid: 8\nda')).toEqual([]);
    expect(parser.push('ta: {"a":1}\n\ndata: {"b":2}\n')).toEqual([{ lastEventId: '8', data: '{"a":1}' }]);
    expect(parser.push('\n')).toEqual([{ lastEventId: '8', data: '{"b":2}' }]);
    expect(parser.retryMs).toBe(250);
  });

  it.each([
    ['CRLF line ends', 'id: 1\r\ndata: x\r\n\r\n', [{ lastEventId: '1', data: 'x' }]],
    ['CR line ends', 'id: 1\rdata: x\r\r', [{ lastEventId: '1', data: 'x' }]],
    ['several data lines', 'data: a\ndata: b\n\n', [{ lastEventId: '', data: 'a\nb' }]],
    ['no space after the colon', 'id:4\ndata:y\n\n', [{ lastEventId: '4', data: 'y' }]],
    ['comments and unknown fields', ': hb\nevent: e\nfoo: bar\n\n', []],
    ['an id with NUL ignored', 'id: a\0b\ndata: z\n\n', [{ lastEventId: '', data: 'z' }]],
  ])('%s', (_name, text, expected) => {
    expect(new SseParser().push(text)).toEqual(expected);
  });
});
