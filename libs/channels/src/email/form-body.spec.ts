import { WebhookInputError } from '../webhook-input.error';
import { readForm } from './form-body';
import { emailRequest, multipartBody, urlencodedBody } from './testing/email-requests';

describe('readForm', () => {
  it('reads urlencoded bodies', () => {
    const form = readForm(
      emailRequest(urlencodedBody([['recipient', 'In@Acme.test']]), {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      }),
    );
    expect(form.text('recipient')).toBe('In@Acme.test');
    expect(form.text('missing')).toBeNull();
  });

  it('reads multipart bodies, a quoted boundary, files apart from fields', () => {
    const body = multipartBody('a b', [
      {
        name: 'subject',
        value: Buffer.from('Caf\xe9', 'latin1'),
        contentType: 'text/plain; charset=iso-8859-1',
      },
      { name: 'plain', value: 'Zoë' },
      {
        name: 'attachment-1',
        value: Buffer.from([1, 2, 3]),
        filename: 'x.bin',
        contentType: 'image/png',
      },
    ]);
    const form = readForm(
      emailRequest(body, { 'content-type': 'multipart/form-data; boundary="a b"' }),
    );
    // A part's own charset is honoured; a caller's charset wins over it.
    expect(form.text('subject')).toBe('Café');
    expect(form.text('plain')).toBe('Zoë');
    expect(form.text('plain', 'iso-8859-1')).toBe('ZoÃ«');
    expect(form.files().map((file) => [file.name, file.filename, file.value.length])).toEqual([
      ['attachment-1', 'x.bin', 3],
    ]);
  });

  it.each([
    [{}],
    [{ 'content-type': 'application/json' }],
    [{ 'content-type': 'multipart/form-data' }],
    [{ 'content-type': `multipart/form-data; boundary=${'x'.repeat(71)}` }],
  ])('rejects %j', (headers) => {
    expect(() => readForm(emailRequest(Buffer.from('a=b'), headers))).toThrow(WebhookInputError);
  });
});
