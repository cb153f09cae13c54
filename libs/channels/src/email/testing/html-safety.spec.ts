import { htmlSafetyProblems } from './html-safety';

describe('htmlSafetyProblems (the fuzz tests’ oracle)', () => {
  it('finds scripts, handlers and script URLs', () => {
    expect(htmlSafetyProblems('<p><script>x</script></p>')).toContain('script element');
    expect(htmlSafetyProblems('<img src="cid:a" onerror="x" />')).toEqual([
      'event handler onerror on <img>',
    ]);
    expect(htmlSafetyProblems('<a href="java\tscript:x">a</a>')).toHaveLength(1);
    expect(htmlSafetyProblems('<a href=javascript:x>a</a>')).toContain(
      'markup the check cannot read',
    );
  });

  it('passes text that merely mentions them', () => {
    expect(htmlSafetyProblems('<p title="x onload=y">set onload= here &lt;script&gt;</p>')).toEqual(
      [],
    );
  });
});
