import type { ParsedInbound } from '../parsed-inbound';
import { WebhookInputError } from '../webhook-input.error';
import { mailgunAdapter } from './mailgun.adapter';
import { parseEmail } from './parse-email';
import { expectContractValid } from './testing/contract-check';
import { emailFixture } from './testing/email-fixtures';
import {
  emailRequest,
  mailgunSignatureFields,
  multipartBody,
  TEST_MAILGUN_KEY,
  urlencodedBody,
} from './testing/email-requests';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const SECRETS = { signingKey: TEST_MAILGUN_KEY };
const URLENCODED = { 'content-type': 'application/x-www-form-urlencoded' };

type Received = Extract<ParsedInbound, { type: 'inbound.message_received' }>['data'];

function urlencodedRequest(fields: Array<[string, string | Buffer]>) {
  return emailRequest(urlencodedBody(fields), URLENCODED);
}

describe('mailgunAdapter.verify', () => {
  const signed = (fields: Array<[string, string]>) =>
    urlencodedRequest([['recipient', 'support@acme.test'], ...fields]);

  it('accepts a fresh signature made with the signing key', () => {
    expect(mailgunAdapter.verify(signed(mailgunSignatureFields(NOW)), SECRETS, NOW)).toEqual({
      ok: true,
    });
    const fourMinutesAgo = new Date(NOW.getTime() - 4 * 60_000);
    expect(
      mailgunAdapter.verify(signed(mailgunSignatureFields(fourMinutesAgo)), SECRETS, NOW),
    ).toEqual({ ok: true });
  });

  it('also reads the fields from a multipart post', () => {
    const body = multipartBody('mg', [
      { name: 'recipient', value: 'support@acme.test' },
      ...mailgunSignatureFields(NOW).map(([name, value]) => ({ name, value })),
      { name: 'attachment-1', value: Buffer.from('x'), filename: 'x.txt' },
    ]);
    const request = emailRequest(body, { 'content-type': 'multipart/form-data; boundary=mg' });
    expect(mailgunAdapter.verify(request, SECRETS, NOW)).toEqual({ ok: true });
  });

  it('answers 401 when the signature fields are missing', () => {
    const [timestamp, token] = mailgunSignatureFields(NOW);
    expect(mailgunAdapter.verify(signed([timestamp, token]), SECRETS, NOW)).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it('answers 403 to a bad signature', () => {
    const [timestamp, token, [, signature]] = mailgunSignatureFields(NOW);
    const flipped = `${signature[0] === 'a' ? 'b' : 'a'}${signature.slice(1)}`;
    for (const bad of [
      flipped,
      signature.toUpperCase().slice(0, 63),
      'not-hex',
      `${signature}00`,
    ]) {
      expect(
        mailgunAdapter.verify(signed([timestamp, token, ['signature', bad]]), SECRETS, NOW),
      ).toMatchObject({ ok: false, status: 403, reason: 'bad Mailgun signature' });
    }
    const otherKey = mailgunSignatureFields(NOW, undefined, 'key-other');
    expect(mailgunAdapter.verify(signed(otherKey), SECRETS, NOW)).toMatchObject({
      ok: false,
      status: 403,
    });
    // The signature covers timestamp + token: another token breaks it.
    expect(
      mailgunAdapter.verify(
        signed([timestamp, ['token', 'other'], ['signature', signature]]),
        SECRETS,
        NOW,
      ),
    ).toMatchObject({ ok: false, status: 403 });
  });

  it('answers 403 to a genuine signature more than 5 minutes off our clock', () => {
    for (const minutes of [-6, 6]) {
      const signedAt = new Date(NOW.getTime() - minutes * 60_000);
      expect(mailgunAdapter.verify(signed(mailgunSignatureFields(signedAt)), SECRETS, NOW)).toEqual(
        {
          ok: false,
          status: 403,
          reason: 'stale Mailgun timestamp',
        },
      );
    }
  });
});

describe('mailgunAdapter with body-mime', () => {
  it('reads the raw MIME, 8-bit bytes intact through the urlencoding', async () => {
    const raw = emailFixture('mailparser_iso8859_8bit_forwarded_rfc822.eml');
    const request = urlencodedRequest([
      ['recipient', 'Support@Acme.test'],
      ['body-mime', raw],
      ...mailgunSignatureFields(NOW),
    ]);
    expect(mailgunAdapter.destination(request)).toEqual({
      channel: 'email',
      accountExternalId: 'support@acme.test',
    });
    const webhook = await mailgunAdapter.parse(request, NOW);
    expect(webhook.deliveryId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(webhook.events).toEqual(
      await parseEmail(raw, { now: NOW, recipient: 'support@acme.test' }),
    );
    expect((webhook.events[0].data as Received).html).toBe('<span>html sectionÜ</span>');
  });

  it('takes the reply token from the route recipient, its case kept', async () => {
    const request = urlencodedRequest([
      ['recipient', 'Reply+AbC9@Acme.test'],
      ['body-mime', emailFixture('mail_reply_references_in_reply_to.eml')],
    ]);
    expect(mailgunAdapter.destination(request).accountExternalId).toBe('reply+abc9@acme.test');
    const data = (await mailgunAdapter.parse(request, NOW)).events[0].data as Received;
    expect(data.email?.replyToken).toBe('AbC9');
  });

  it('keeps the delivery id across a retry with a new token, and apart per recipient', async () => {
    const raw = emailFixture('mail_reply_references_in_reply_to.eml');
    const post = (recipient: string, token: string) =>
      mailgunAdapter.parse(
        urlencodedRequest([
          ['recipient', recipient],
          ['body-mime', raw],
          ...mailgunSignatureFields(NOW, token),
        ]),
        NOW,
      );
    const first = await post('a@acme.test', 'token-1');
    expect((await post('a@acme.test', 'token-2')).deliveryId).toBe(first.deliveryId);
    expect((await post('b@acme.test', 'token-1')).deliveryId).not.toBe(first.deliveryId);
  });

  it('turns a bounce into a failed status', async () => {
    const webhook = await mailgunAdapter.parse(
      urlencodedRequest([
        ['recipient', 'support@acme.test'],
        ['body-mime', emailFixture('mailparser_dsn_bounce_ses.eml')],
      ]),
      NOW,
    );
    expect(webhook.events.map((event) => event.type)).toEqual(['inbound.status_received']);
    expect(webhook.events[0].data).toMatchObject({
      providerMessageId: 'xxxxx@email.amazonses.com',
      status: 'failed',
    });
  });
});

describe('mailgunAdapter without body-mime', () => {
  const messageHeaders = JSON.stringify([
    ['Received', 'by mxa.mailgun.org'],
    ['Message-Id', '<CAF=abc@mail.gmail.com>'],
    ['In-Reply-To', '<ours-7@acme.test>'],
    ['References', '<ours-6@acme.test> <ours-7@acme.test>'],
    ['Date', 'Sun, 1 Mar 2026 11:58:00 +0000'],
    ['To', 'Support <support@acme.test>, reply+K9@acme.test'],
    ['Cc', '=?UTF-8?Q?J=C3=BCrgen?= <j@example.de>'],
    ['Subject', 'ignored: the subject field wins'],
    ['Content-Type', 'multipart/mixed; boundary="x"'],
  ]);

  it('builds the message from the fields, preferring Mailgun’s stripped-text', async () => {
    const body = multipartBody('mg', [
      { name: 'recipient', value: 'support@acme.test' },
      { name: 'sender', value: 'jane@example.com' },
      { name: 'from', value: 'Jane Roe <Jane@Example.com>' },
      { name: 'subject', value: 'Re: Order #42' },
      { name: 'body-plain', value: 'Yes please.\n\nOn Sun, Support wrote:\n> Shall we?\n' },
      { name: 'stripped-text', value: 'Yes please.' },
      { name: 'body-html', value: '<div>Yes <a href="javascript:x()">please</a></div>' },
      { name: 'message-headers', value: messageHeaders },
      { name: 'content-id-map', value: JSON.stringify({ '<img1@x>': 'attachment-1' }) },
      { name: 'attachment-count', value: '2' },
      {
        name: 'attachment-1',
        value: Buffer.alloc(5),
        filename: 'img.png',
        contentType: 'image/png',
      },
      {
        name: 'attachment-2',
        value: Buffer.alloc(7),
        filename: 'order.pdf',
        contentType: 'application/pdf',
      },
      ...mailgunSignatureFields(NOW).map(([name, value]) => ({ name, value })),
    ]);
    const request = emailRequest(body, { 'content-type': 'multipart/form-data; boundary=mg' });
    const webhook = await mailgunAdapter.parse(request, NOW);
    expect(webhook.events).toHaveLength(1);
    expectContractValid(webhook.events[0]);
    const data = webhook.events[0].data as Received;
    expect(data.providerMessageId).toBe('CAF=abc@mail.gmail.com');
    expect(data.sender).toEqual({
      externalId: 'jane@example.com',
      displayName: 'Jane Roe',
      phone: null,
      email: 'jane@example.com',
    });
    expect(data.text).toBe('Yes please.');
    expect(data.html).toBe(
      '<div>Yes <a rel="noopener noreferrer nofollow" target="_blank">please</a></div>',
    );
    expect(data.sentAt).toBe('2026-03-01T11:58:00.000Z');
    expect(data.email).toEqual({
      messageId: 'CAF=abc@mail.gmail.com',
      inReplyTo: ['ours-7@acme.test'],
      references: ['ours-6@acme.test', 'ours-7@acme.test'],
      subject: 'Re: Order #42',
      to: ['support@acme.test', 'reply+k9@acme.test'],
      cc: ['j@example.de'],
      replyToken: 'K9',
      automated: false,
      fullText: 'Yes please.\n\nOn Sun, Support wrote:\n> Shall we?\n',
    });
    expect(data.attachments).toEqual([
      {
        url: null,
        providerMediaId: null,
        name: 'img.png',
        contentType: 'image/png',
        size: 5,
        contentId: 'img1@x',
      },
      {
        url: null,
        providerMediaId: null,
        name: 'order.pdf',
        contentType: 'application/pdf',
        size: 7,
        contentId: null,
      },
    ]);
  });

  it('strips quotes itself when Mailgun sent no stripped-text', async () => {
    const webhook = await mailgunAdapter.parse(
      urlencodedRequest([
        ['recipient', 'support@acme.test'],
        ['from', 'a@example.com'],
        ['subject', '=?UTF-8?Q?Caf=C3=A9?= order'],
        ['body-plain', 'New\r\n\r\nOn Sun, B wrote:\r\n> old'],
      ]),
      NOW,
    );
    const data = webhook.events[0].data as Received;
    expect(data.text).toBe('New');
    // A subject passed through still encoded is decoded.
    expect(data.email?.subject).toBe('Café order');
    expect(data.providerMessageId).toMatch(/^sha256:/);
  });

  it('never turns a bounce into a message', async () => {
    const webhook = await mailgunAdapter.parse(
      urlencodedRequest([
        ['recipient', 'support@acme.test'],
        ['from', 'MAILER-DAEMON@mx.example.com'],
        [
          'message-headers',
          JSON.stringify([['Content-Type', 'multipart/report; report-type=delivery-status']]),
        ],
      ]),
      NOW,
    );
    expect(webhook.events).toEqual([]);
    expect(webhook.ignoredBecause).toMatch(/mime/);
  });

  it('rejects a post without a recipient, or with broken message-headers', async () => {
    expect(() => mailgunAdapter.destination(urlencodedRequest([['from', 'a@b.c']]))).toThrow(
      WebhookInputError,
    );
    await expect(
      mailgunAdapter.parse(
        urlencodedRequest([
          ['recipient', 'support@acme.test'],
          ['message-headers', '{"not":"a list"}'],
        ]),
        NOW,
      ),
    ).rejects.toBeInstanceOf(WebhookInputError);
  });
});
