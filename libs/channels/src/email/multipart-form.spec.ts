import { WebhookInputError } from '../webhook-input.error';
import { parseMultipart } from './multipart-form';
import { emailFixture } from './testing/email-fixtures';

const crlf = (lines: string[]): Buffer => Buffer.from(lines.join('\r\n'), 'latin1');

describe('parseMultipart', () => {
  it('reads every field of SendGrid’s sample post, values as sent', () => {
    const parts = parseMultipart(
      emailFixture('inbound/sendgrid_parse_default.multipart.txt'),
      'xYzZY',
    );
    expect(parts.map((part) => part.name)).toEqual([
      'headers',
      'dkim',
      'to',
      'html',
      'from',
      'text',
      'sender_ip',
      'envelope',
      'attachments',
      'subject',
      'charsets',
      'SPF',
    ]);
    const value = (name: string): string | undefined =>
      parts.find((part) => part.name === name)?.value.toString('utf8');
    expect(value('text')).toBe('Hello Twilio SendGrid!\r\n');
    expect(value('subject')).toBe('Testing non-raw');
    expect(value('envelope')).toBe(
      '{"to":["inbound@inbound.example.com"],"from":"test@example.com"}',
    );
  });

  it('keeps file bytes, name, type, and strips client paths from file names', () => {
    const body = Buffer.concat([
      crlf([
        'preamble',
        '--b',
        'Content-Disposition: form-data; name="attachment1"; filename="C:\\Users\\me\\a.bin"',
        'Content-Type: application/octet-stream',
        '',
        '',
      ]),
      Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d, 0x62, 0x78]),
      crlf(['', '--b  ', 'Content-Disposition: form-data; name="x"', '', 'y', '--b--', 'epilogue']),
    ]);
    const [file, field] = parseMultipart(body, 'b');
    expect(file).toEqual({
      name: 'attachment1',
      // "\r\n--bx" inside the content is not a delimiter: the boundary is followed by "x".
      value: Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d, 0x62, 0x78]),
      filename: 'a.bin',
      contentType: 'application/octet-stream',
    });
    expect(field).toEqual({
      name: 'x',
      value: Buffer.from('y'),
      filename: null,
      contentType: null,
    });
  });

  it('skips parts that are not form-data fields', () => {
    const body = crlf([
      '--b',
      'Content-Type: text/plain',
      '',
      'no disposition',
      '--b',
      'Content-Disposition: attachment; name="x"',
      '',
      'not form-data',
      '--b',
      '',
      'no headers',
      '--b--',
    ]);
    expect(parseMultipart(body, 'b')).toEqual([]);
  });

  it.each([
    ['no boundary at all', ['just text']],
    ['no closing boundary', ['--b', 'Content-Disposition: form-data; name="x"', '', 'y']],
    [
      'garbage after a boundary',
      ['--bogus', 'Content-Disposition: form-data; name="x"', '', 'y', '--b--'],
    ],
    ['headers without a blank line', ['--b', 'Content-Disposition: form-data; name="x"', '--b--']],
    ['LF line ends', ['--b\nContent-Disposition: form-data; name="x"\n\ny\n--b--\n']],
  ])('rejects %s', (_problem, lines) => {
    expect(() => parseMultipart(crlf(lines), 'b')).toThrow(WebhookInputError);
  });
});
