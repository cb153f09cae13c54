import { parseUrlEncoded } from './urlencoded-form';

describe('parseUrlEncoded', () => {
  it('decodes + and %XX to bytes, keeping 8-bit values intact', () => {
    const parts = parseUrlEncoded(Buffer.from('a=1+2&body-mime=%E9t%E9&name%21=%ZZ&flag&&=v'));
    expect(parts.map((part) => [part.name, part.value.toString('latin1')])).toEqual([
      ['a', '1 2'],
      ['body-mime', 'été'],
      ['name!', '%ZZ'],
      ['flag', ''],
      ['', 'v'],
    ]);
    expect(parts.every((part) => part.filename === null && part.contentType === null)).toBe(true);
  });

  it('reads an empty body as no fields', () => {
    expect(parseUrlEncoded(Buffer.alloc(0))).toEqual([]);
  });
});
