import { sanitizeEmailHtml } from './safe-html';

const REL = 'rel="noopener noreferrer nofollow" target="_blank"';

describe('sanitizeEmailHtml', () => {
  it('keeps basic formatting, lists, quotes and tables', () => {
    const html =
      '<p>A <b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u></p><ul><li>x</li></ul>' +
      '<blockquote>q</blockquote><table><tr><td colspan="2">c</td></tr></table><pre>p</pre>';
    expect(sanitizeEmailHtml(html)).toBe(
      '<p>A <b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u></p><ul><li>x</li></ul>' +
        '<blockquote>q</blockquote><table><tr><td colspan="2">c</td></tr></table><pre>p</pre>',
    );
  });

  it('removes scripts with their content, event handlers, styles and classes', () => {
    const html =
      '<p onclick="steal()" style="position:fixed" class="x">Hi<script>alert(1)</script></p>' +
      '<style>p{}</style><img src="cid:a" onerror="alert(1)"><body onload="alert(1)">b</body>';
    expect(sanitizeEmailHtml(html)).toBe('<p>Hi</p><img src="cid:a" />b');
  });

  it('keeps only absolute http(s) and mailto links, opened apart from our app', () => {
    expect(sanitizeEmailHtml('<a href="https://example.com/x" title="t">x</a>')).toBe(
      `<a href="https://example.com/x" title="t" ${REL}>x</a>`,
    );
    expect(
      sanitizeEmailHtml('<a href="mailto:a@example.com" rel="opener" target="_self">m</a>'),
    ).toBe(`<a href="mailto:a@example.com" ${REL}>m</a>`);
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      '&#106;avascript:alert(1)',
      'java\tscript:alert(1)',
      'vbscript:x',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example.com',
      '/admin/delete?id=1',
    ]) {
      expect(sanitizeEmailHtml(`<a href="${href}">x</a>`)).toBe(`<a ${REL}>x</a>`);
    }
  });

  it('keeps cid: images and drops remote (tracking) and data: images', () => {
    expect(sanitizeEmailHtml('<img src="cid:logo@x" alt="Logo" width="10">')).toBe(
      '<img src="cid:logo@x" alt="Logo" width="10" />',
    );
    expect(sanitizeEmailHtml('<p><img src="https://t.example/p.gif"><img src="x.png"></p>')).toBe(
      '<p></p>',
    );
    expect(sanitizeEmailHtml('<img src="data:image/png;base64,AAAA">')).toBe('');
  });

  it('drops frames, forms, SVG, MathML and head content', () => {
    const html =
      '<head><title>T</title></head><iframe src="https://x">f</iframe><form><input><button>b</button></form>' +
      '<svg><script>alert(1)</script></svg><math><mi>m</mi></math><object>o</object>ok';
    expect(sanitizeEmailHtml(html)).toBe('ok');
  });

  it('leaves escaped markup escaped', () => {
    expect(sanitizeEmailHtml('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    );
    expect(sanitizeEmailHtml('<<script>script>alert(1)<</script>/script>')).not.toMatch(/<script/i);
  });
});
