import type { ParsedInbound } from '../parsed-inbound';
import { WebhookInputError } from '../webhook-input.error';
import { sendgridAdapter } from './sendgrid.adapter';
import { expectContractValid } from './testing/contract-check';
import { emailFixture } from './testing/email-fixtures';
import {
  basicAuthorization,
  emailRequest,
  multipartBody,
  type TestPart,
} from './testing/email-requests';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const SECRETS = { basicAuthUser: 'sg', basicAuthPassword: 's3cret' };
const FORM = 'multipart/form-data; boundary=xYzZY';

type Received = Extract<ParsedInbound, { type: 'inbound.message_received' }>['data'];

function fixtureRequest(file: 'default' | 'raw', authorization?: string) {
  return emailRequest(emailFixture(`inbound/sendgrid_parse_${file}.multipart.txt`), {
    'content-type': FORM,
    ...(authorization === undefined ? {} : { authorization }),
  });
}

function formRequest(parts: TestPart[]) {
  return emailRequest(multipartBody('xYzZY', parts), { 'content-type': FORM });
}

async function onlyMessage(request: ReturnType<typeof formRequest>): Promise<Received> {
  const webhook = await sendgridAdapter.parse(request, NOW);
  expect(webhook.events).toHaveLength(1);
  expectContractValid(webhook.events[0]);
  return webhook.events[0].data as Received;
}

describe('sendgridAdapter.verify', () => {
  it('accepts the Basic credentials of the Inbound Parse URL', () => {
    const request = fixtureRequest('default', basicAuthorization('sg', 's3cret'));
    expect(sendgridAdapter.verify(request, SECRETS, NOW)).toEqual({ ok: true });
  });

  it('answers 401 without credentials and 403 with wrong ones', () => {
    expect(sendgridAdapter.verify(fixtureRequest('default'), SECRETS, NOW)).toMatchObject({
      ok: false,
      status: 401,
    });
    const wrong = fixtureRequest('default', basicAuthorization('sg', 'guess'));
    expect(sendgridAdapter.verify(wrong, SECRETS, NOW)).toMatchObject({ ok: false, status: 403 });
  });
});

describe('sendgridAdapter on the sample posts', () => {
  it('default (parsed) mode: routes by the envelope and builds the message from the fields', async () => {
    const request = fixtureRequest('default');
    expect(sendgridAdapter.destination(request)).toEqual({
      channel: 'email',
      accountExternalId: 'inbound@inbound.example.com',
    });
    const webhook = await sendgridAdapter.parse(request, NOW);
    expect(webhook.deliveryId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(webhook.events).toHaveLength(1);
    expectContractValid(webhook.events[0]);
    const data = webhook.events[0].data as Received;
    expect(data.providerMessageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(data.sender).toEqual({
      externalId: 'test@example.com',
      displayName: 'Example User',
      phone: null,
      email: 'test@example.com',
    });
    expect(data.text).toBe('Hello Twilio SendGrid!');
    // The sample's <strong> is never closed; the sanitizer closes it.
    expect(data.html).toBe('<strong>Hello Twilio SendGrid!</strong>');
    expect(data.sentAt).toBe('2016-08-11T01:10:13.000Z');
    expect(data.attachments).toEqual([]);
    expect(data.email).toEqual({
      messageId: null,
      inReplyTo: [],
      references: [],
      // The subject field says "Testing non-raw", the headers copy "Inbound Parse Test Data":
      // the field wins.
      subject: 'Testing non-raw',
      to: ['inbound@inbound.example.com'],
      cc: [],
      replyToken: null,
      automated: false,
      fullText: 'Hello Twilio SendGrid!\n',
    });
  });

  it('raw mode: reads the MIME in `email` (its own subject, not the form field)', async () => {
    const request = fixtureRequest('raw');
    expect(sendgridAdapter.destination(request)).toEqual({
      channel: 'email',
      accountExternalId: 'inbound@inbound.inbound.com',
    });
    const data = await onlyMessage(request);
    expect(data.email?.subject).toBe('Inbound Parse Test Raw Data');
    expect(data.sender.externalId).toBe('test@example.com');
    expect(data.sender.displayName).toBe('Example User');
    expect(data.text).toBe('Hello Twilio SendGrid!');
    expect(data.html).toBe('<strong>Hello Twilio SendGrid!</strong>');
    expect(data.email?.fullText).toBe('Hello Twilio SendGrid!\n');
    expect(data.email?.to).toEqual(['inbound@inbound.inbound.com']);
    expect(data.sentAt).toBe('2016-08-10T21:44:21.000Z');
  });

  it('gives a retry the same delivery id', async () => {
    const first = await sendgridAdapter.parse(fixtureRequest('default'), NOW);
    const retry = await sendgridAdapter.parse(fixtureRequest('default'), NOW);
    expect(retry.deliveryId).toBe(first.deliveryId);
    expect(retry.events[0].data).toEqual(first.events[0].data);
  });
});

describe('sendgridAdapter parsed mode', () => {
  const headers = [
    'Message-ID: <m1@mail.example.com>',
    'In-Reply-To: <ours-1@acme.test>',
    'References: <ours-0@acme.test> <ours-1@acme.test>',
    'Date: Mon, 2 Mar 2026 09:00:00 +0100',
    'Auto-Submitted: auto-replied',
    'Content-Type: multipart/mixed; boundary=x',
  ].join('\r\n');

  it('decodes each field in the charset `charsets` names, and describes attachments', async () => {
    const data = await onlyMessage(
      formRequest([
        { name: 'headers', value: headers },
        { name: 'from', value: Buffer.from('Ren\xe9 <Rene@Example.FR>', 'latin1') },
        { name: 'to', value: 'Support <support@acme.test>' },
        { name: 'cc', value: 'reply+Tok3n@acme.test' },
        { name: 'subject', value: Buffer.from('\x93Caf\xe9\x94', 'latin1') },
        {
          name: 'text',
          value: Buffer.from('Merci \x80 10\r\n\r\nOn Mon, X wrote:\r\n> old', 'latin1'),
        },
        { name: 'html', value: '<p onclick="x()">Merci<script>x()</script></p>' },
        {
          name: 'charsets',
          value: JSON.stringify({
            from: 'iso-8859-1',
            subject: 'windows-1252',
            text: 'windows-1252',
          }),
        },
        { name: 'envelope', value: JSON.stringify({ to: ['support@acme.test'], from: 'x@y' }) },
        { name: 'attachments', value: '2' },
        {
          name: 'attachment-info',
          value: JSON.stringify({
            attachment1: { filename: 'logo.png', type: 'image/png', 'content-id': 'ii_logo' },
          }),
        },
        {
          name: 'attachment1',
          value: Buffer.alloc(10),
          filename: 'logo.png',
          contentType: 'image/png',
        },
        {
          name: 'attachment2',
          value: Buffer.alloc(3),
          filename: 'a.pdf',
          contentType: 'application/pdf',
        },
      ]),
    );
    expect(data.providerMessageId).toBe('m1@mail.example.com');
    expect(data.sender).toEqual({
      externalId: 'rene@example.fr',
      displayName: 'René',
      phone: null,
      email: 'rene@example.fr',
    });
    expect(data.text).toBe('Merci € 10');
    expect(data.html).toBe('<p>Merci</p>');
    expect(data.sentAt).toBe('2026-03-02T08:00:00.000Z');
    expect(data.replyToProviderMessageId).toBe('ours-1@acme.test');
    expect(data.email).toEqual({
      messageId: 'm1@mail.example.com',
      inReplyTo: ['ours-1@acme.test'],
      references: ['ours-0@acme.test', 'ours-1@acme.test'],
      subject: '“Café”',
      to: ['support@acme.test'],
      cc: ['reply+tok3n@acme.test'],
      replyToken: 'Tok3n',
      automated: true,
      fullText: 'Merci € 10\n\nOn Mon, X wrote:\n> old',
    });
    expect(data.attachments).toEqual([
      {
        url: null,
        providerMediaId: null,
        name: 'logo.png',
        contentType: 'image/png',
        size: 10,
        contentId: 'ii_logo',
      },
      {
        url: null,
        providerMediaId: null,
        name: 'a.pdf',
        contentType: 'application/pdf',
        size: 3,
        contentId: null,
      },
    ]);
  });

  it('routes by `to` when there is no envelope', () => {
    const request = formRequest([{ name: 'to', value: 'Help <Help@Acme.test>' }]);
    expect(sendgridAdapter.destination(request).accountExternalId).toBe('help@acme.test');
  });

  it('rejects a post that names no recipient, or a broken envelope', () => {
    expect(() =>
      sendgridAdapter.destination(formRequest([{ name: 'from', value: 'a@b' }])),
    ).toThrow(WebhookInputError);
    expect(() =>
      sendgridAdapter.destination(formRequest([{ name: 'envelope', value: '{"to":' }])),
    ).toThrow(WebhookInputError);
  });

  it('never turns a bounce into a message: parsed mode cannot read it', async () => {
    const webhook = await sendgridAdapter.parse(
      formRequest([
        {
          name: 'headers',
          value: 'Content-Type: multipart/report; report-type=delivery-status; boundary=b',
        },
        { name: 'from', value: 'MAILER-DAEMON@mx.example.com' },
        { name: 'envelope', value: '{"to":["support@acme.test"]}' },
        { name: 'text', value: 'Delivery failed' },
      ]),
      NOW,
    );
    expect(webhook.events).toEqual([]);
    expect(webhook.ignoredBecause).toMatch(/Send Raw/);
  });

  it('raw mode reads a bounce as a failed status', async () => {
    const webhook = await sendgridAdapter.parse(
      formRequest([
        { name: 'email', value: emailFixture('mailparser_dsn_bounce_ses.eml') },
        { name: 'envelope', value: '{"to":["bounces@acme.test"]}' },
      ]),
      NOW,
    );
    expect(webhook.events.map((event) => event.type)).toEqual(['inbound.status_received']);
    expect(webhook.events[0].data).toMatchObject({
      providerMessageId: 'xxxxx@email.amazonses.com',
      status: 'failed',
      errorCode: '5.1.1',
    });
  });
});
