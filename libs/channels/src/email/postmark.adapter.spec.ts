import type { ParsedInbound } from '../parsed-inbound';
import { WebhookInputError } from '../webhook-input.error';
import { postmarkAdapter } from './postmark.adapter';
import { expectContractValid } from './testing/contract-check';
import { emailFixture } from './testing/email-fixtures';
import { basicAuthorization, emailRequest } from './testing/email-requests';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const SECRETS = { basicAuthUser: 'postmark', basicAuthPassword: 'inbound-pw' };
const JSON_TYPE = { 'content-type': 'application/json' };

type Received = Extract<ParsedInbound, { type: 'inbound.message_received' }>['data'];

const fixture = () => emailFixture('inbound/postmark_inbound_attachments_escaped_slashes.json');

function jsonRequest(payload: unknown) {
  return emailRequest(Buffer.from(JSON.stringify(payload)), JSON_TYPE);
}

function withFixture(changes: Record<string, unknown>) {
  return jsonRequest({ ...(JSON.parse(fixture().toString('utf8')) as object), ...changes });
}

async function onlyMessage(request: ReturnType<typeof jsonRequest>): Promise<Received> {
  const webhook = await postmarkAdapter.parse(request, NOW);
  expect(webhook.events).toHaveLength(1);
  expectContractValid(webhook.events[0]);
  return webhook.events[0].data as Received;
}

describe('postmarkAdapter.verify', () => {
  it('checks the Basic credentials of the webhook URL: 401 without, 403 when wrong', () => {
    const request = (authorization?: string) =>
      emailRequest(fixture(), { ...JSON_TYPE, ...(authorization ? { authorization } : {}) });
    expect(
      postmarkAdapter.verify(request(basicAuthorization('postmark', 'inbound-pw')), SECRETS, NOW),
    ).toEqual({
      ok: true,
    });
    expect(postmarkAdapter.verify(request(), SECRETS, NOW)).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(
      postmarkAdapter.verify(request(basicAuthorization('postmark', 'x')), SECRETS, NOW),
    ).toMatchObject({
      ok: false,
      status: 403,
    });
  });
});

describe('postmarkAdapter on the sample post', () => {
  it('routes to the first To when there is no OriginalRecipient', () => {
    expect(postmarkAdapter.destination(emailRequest(fixture(), JSON_TYPE))).toEqual({
      channel: 'email',
      accountExternalId: 'api-hash@inbound.postmarkapp.com',
    });
  });

  it('builds the message: RFC Message-ID from Headers, Postmark’s id as the delivery id', async () => {
    const webhook = await postmarkAdapter.parse(emailRequest(fixture(), JSON_TYPE), NOW);
    expect(webhook.deliveryId).toBe('postmark:a8c1040e-db1c-4e18-ac79-bc5f64c7ce2c');
    expect(webhook.events).toHaveLength(1);
    expectContractValid(webhook.events[0]);
    const data = webhook.events[0].data as Received;
    expect(data.providerMessageId).toBe(
      'CAGXpo2WKfxHWZ5UFYCR3H_J9SNMG+5AXUovfEFL6DjWBJSyZaA@mail.gmail.com',
    );
    expect(data.sender).toEqual({
      externalId: 'bob@bob.com',
      displayName: 'Bob Bobson',
      phone: null,
      email: 'bob@bob.com',
    });
    expect(data.text).toBe('This is awesome!');
    expect(data.html).toBe('<p>We no speak americano</p>');
    expect(data.sentAt).toBe('2012-04-05T14:59:01.000Z');
    expect(data.email).toEqual({
      messageId: 'CAGXpo2WKfxHWZ5UFYCR3H_J9SNMG+5AXUovfEFL6DjWBJSyZaA@mail.gmail.com',
      inReplyTo: [],
      references: [],
      subject: 'Hi There',
      to: ['api-hash@inbound.postmarkapp.com'],
      cc: ['sample.cc@emaildomain.com', 'another.cc@emaildomain.com'],
      // No reply+ address: Postmark's MailboxHash (the part after "+") stands in.
      replyToken: 'moitoken',
      automated: false,
      fullText: '\nThis is awesome!\n\n',
    });
    // ContentLength says 2000 and 1000; the base64 content (`\/` unescaped by JSON) is 1889
    // bytes each: the real size is reported.
    expect(data.attachments).toEqual([
      {
        url: null,
        providerMediaId: null,
        name: 'chart.png',
        contentType: 'image/png',
        size: 1889,
        contentId: null,
      },
      {
        url: null,
        providerMediaId: null,
        name: 'chart2.png',
        contentType: 'image/png',
        size: 1889,
        contentId: null,
      },
    ]);
  });
});

describe('postmarkAdapter on variations', () => {
  it('prefers OriginalRecipient, a reply+ token over MailboxHash, StrippedTextReply, inline ids', async () => {
    const request = withFixture({
      OriginalRecipient: 'Reply+Conv9@Acme.test',
      StrippedTextReply: 'Short answer',
      Headers: [
        { Name: 'Message-ID', Value: '<pm@x>' },
        { Name: 'In-Reply-To', Value: '<ours@acme.test>' },
        { Name: 'Auto-Submitted', Value: 'auto-replied' },
      ],
      Attachments: [
        {
          Name: 'logo.png',
          Content: 'AAAA',
          ContentType: 'image/png',
          ContentLength: 3,
          ContentID: 'logo@x',
        },
        { Name: 'empty.txt', ContentType: 'text/plain', ContentLength: 12 },
      ],
    });
    expect(postmarkAdapter.destination(request).accountExternalId).toBe('reply+conv9@acme.test');
    const data = await onlyMessage(request);
    expect(data.text).toBe('Short answer');
    expect(data.replyToProviderMessageId).toBe('ours@acme.test');
    expect(data.email).toMatchObject({
      replyToken: 'Conv9',
      automated: true,
      inReplyTo: ['ours@acme.test'],
    });
    expect(data.attachments.map((a) => [a.name, a.size, a.contentId])).toEqual([
      ['logo.png', 3, 'logo@x'],
      ['empty.txt', 12, null],
    ]);
  });

  it('falls back to Postmark’s MessageID without an RFC Message-ID', async () => {
    const data = await onlyMessage(withFixture({ Headers: [] }));
    expect(data.providerMessageId).toBe('postmark:a8c1040e-db1c-4e18-ac79-bc5f64c7ce2c');
    expect(data.email?.messageId).toBeNull();
  });

  it('renders text from HTML when TextBody is empty', async () => {
    const data = await onlyMessage(
      withFixture({ TextBody: '', HtmlBody: '<p>Only <b>HTML</b></p>' }),
    );
    expect(data.text).toBe('Only HTML');
    expect(data.email?.fullText).toBe('Only HTML');
  });

  it('rejects bodies that are not Postmark inbound JSON', async () => {
    for (const body of [
      'not json',
      '[]',
      '{"MessageID":""}',
      '{"MessageID":"x","ToFull":"nope"}',
    ]) {
      const request = emailRequest(Buffer.from(body), JSON_TYPE);
      await expect(postmarkAdapter.parse(request, NOW)).rejects.toBeInstanceOf(WebhookInputError);
    }
    expect(() => postmarkAdapter.destination(jsonRequest({ MessageID: 'x' }))).toThrow(
      WebhookInputError,
    );
    await expect(
      postmarkAdapter.parse(jsonRequest({ MessageID: 'x', ToFull: [{ Email: 'a@b' }] }), NOW),
    ).rejects.toThrow(/from/);
  });
});
