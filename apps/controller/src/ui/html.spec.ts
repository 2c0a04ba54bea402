import { escapeHtml, html, link, pathOf, SafeHtml } from './html';
import { browserPathOf, uiRoutes } from './ui-page';

const XSS = `"><script>alert('x')</script><img src=x onerror=alert(1)>`;

describe('escapeHtml', () => {
  it.each([
    ['&', '&amp;'],
    ['<b>', '&lt;b&gt;'],
    [`"quoted" 'single' \`tick\``, '&quot;quoted&quot; &#39;single&#39; &#96;tick&#96;'],
    ['plain text 1-2_3', 'plain text 1-2_3'],
    ['&amp;', '&amp;amp;'],
  ])('%s -> %s', (raw, escaped) => {
    expect(escapeHtml(raw)).toBe(escaped);
  });

  it('leaves no markup of an XSS attempt', () => {
    const out = escapeHtml(XSS);
    expect(out).not.toMatch(/[<>"']/);
    expect(out).toBe(
      '&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;',
    );
  });
});

describe('html template', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const page = html`<p title="${XSS}">${XSS}</p>`;
    expect(page).toBeInstanceOf(SafeHtml);
    expect(page.markup).not.toContain('<script>');
    expect(page.markup).not.toContain('<img');
    expect(page.markup.match(/"/g)).toHaveLength(2);
  });

  it('keeps SafeHtml, flattens lists, and drops null, undefined and false', () => {
    const items = ['a<', 'b'].map((x) => html`<li>${x}</li>`);
    // prettier-ignore
    const markup = html`<ul>${items}</ul>${null}${undefined}${false}${0}`.markup;
    expect(markup).toBe('<ul><li>a&lt;</li><li>b</li></ul>0');
  });

  it('does not let a string pass as markup by looking like SafeHtml', () => {
    const forged = { markup: '<script>' } as unknown as string;
    expect(html`${forged}`.markup).toBe('[object Object]');
  });
});

describe('links to our pages', () => {
  it('percent-encodes each segment, so an id cannot leave its path or its attribute', () => {
    expect(pathOf('applications', 'a/b?c#d')).toBe('/applications/a%2Fb%3Fc%23d');
    expect(link(XSS, 'applications', XSS).markup).toBe(
      `<a href="/applications/%22%3E%3Cscript%3Ealert(&#39;x&#39;)%3C%2Fscript%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E">${escapeHtml(XSS)}</a>`,
    );
  });
});

describe('UI paths', () => {
  it.each([
    ['/apis/ui', '/'],
    ['/apis/ui/applications/app-1', '/applications/app-1'],
    ['/apis/ui/tasks/src/t-1?x=1', '/tasks/src/t-1?x=1'],
    ['/apis/ui?x=1', '/?x=1'],
    ['/applications/app-1', '/applications/app-1'],
    ['/', '/'],
    ['/apis/uix', '/apis/uix'],
  ])('browser path of %s is %s', (url, path) => {
    expect(browserPathOf(url)).toBe(path);
  });

  it('serves each page at its browser path and under /apis/ui', () => {
    expect(uiRoutes('')).toEqual(['/', '/apis/ui']);
    expect(uiRoutes('tasks/:sourceAppName/:taskId')).toEqual([
      '/tasks/:sourceAppName/:taskId',
      '/apis/ui/tasks/:sourceAppName/:taskId',
    ]);
  });
});
