import { parseHeaderParams } from './header-params';

describe('parseHeaderParams', () => {
  it('reads the value and quoted or bare parameters', () => {
    expect(parseHeaderParams('Form-Data; name="a;b"; filename=x.txt')).toEqual({
      value: 'form-data',
      params: { name: 'a;b', filename: 'x.txt' },
    });
  });

  it('unescapes quoted-pairs', () => {
    expect(parseHeaderParams('form-data; name="say \\"hi\\""').params.name).toBe('say "hi"');
  });

  it('prefers the RFC 5987 extended value, decoded', () => {
    expect(
      parseHeaderParams(`form-data; name="f"; filename="a.txt"; filename*=UTF-8''%E2%9C%94%20b.txt`)
        .params.filename,
    ).toBe('✔ b.txt');
    expect(parseHeaderParams(`x; filename*=iso-8859-1'de'M%FCller`).params.filename).toBe('Müller');
  });

  it('gives a bare value no parameters', () => {
    expect(parseHeaderParams('multipart/form-data')).toEqual({
      value: 'multipart/form-data',
      params: {},
    });
  });
});
