import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_CATALOG } from '@switchboard/contracts';
import type { ParsedWebhook } from '../parsed-inbound';
import { WebhookInputError } from '../webhook-input.error';
import type { WebhookRequest } from '../webhook-request';
import { twilioAdapter } from './twilio.adapter';

const FIXTURES = join(__dirname, '../../test-fixtures/twilio');
const NOW = new Date('2025-01-02T03:04:05.678Z');
const OUR_NUMBER = '+14123456789';
const CUSTOMER = '+31612345678';
const ACCOUNT_SID = 'AC1a03647d811fab342c0ad608e382fab2';

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

function request(body: string): WebhookRequest {
  return {
    method: 'POST',
    url: 'https://hooks.example.com/webhooks/twilio',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    query: {},
    routeKey: null,
    rawBody: Buffer.from(body, 'utf8'),
  };
}

/** A fixture with fields replaced (undefined removes one), re-encoded as Twilio would. */
function edited(name: string, changes: Record<string, string | undefined>): string {
  const form = new URLSearchParams(fixture(name));
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) form.delete(key);
    else form.set(key, value);
  }
  return form.toString();
}

function parse(body: string): ParsedWebhook {
  return twilioAdapter.parse(request(body), NOW);
}

function onlyEvent(body: string) {
  const { events } = parse(body);
  expect(events).toHaveLength(1);
  return events[0]!;
}

/** What the adapter returns must pass the contract once the gateway adds its fields. */
function expectContractValid(result: ParsedWebhook): void {
  for (const event of result.events) {
    const data = {
      ...event.data,
      channelAccountId: '7d7e0b8c-2f4b-4a43-9d55-0b9f7c1b2a11',
      receivedAt: NOW.toISOString(),
    };
    expect(EVENT_CATALOG[event.type].schema.safeParse(data).error).toBeUndefined();
  }
}

function expectInputError(run: () => unknown, field: string): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(WebhookInputError);
  expect((thrown as WebhookInputError).field).toBe(field);
}

describe('twilioAdapter fixtures', () => {
  it('whatsapp_inbound_text: a WhatsApp text to our number', () => {
    const body = fixture('whatsapp_inbound_text.form.txt');
    expect(twilioAdapter.destination(request(body))).toEqual({
      channel: 'whatsapp',
      accountExternalId: OUR_NUMBER,
    });
    const result = parse(body);
    expect(result.deliveryId).toBe('SM892512e202b34d4109b10a3893fa9640');
    expect(result.ignoredBecause).toBeUndefined();
    expect(result.events).toEqual([
      {
        type: 'inbound.message_received',
        data: {
          channel: 'whatsapp',
          raw: {
            SmsMessageSid: 'SM892512e202b34d4109b10a3893fa9640',
            NumMedia: '0',
            SmsSid: 'SM892512e202b34d4109b10a3893fa9640',
            SmsStatus: 'received',
            Body: 'test',
            To: `whatsapp:${OUR_NUMBER}`,
            NumSegments: '1',
            MessageSid: 'SM892512e202b34d4109b10a3893fa9640',
            AccountSid: ACCOUNT_SID,
            From: `whatsapp:${CUSTOMER}`,
            ApiVersion: '2010-04-01',
          },
          providerMessageId: 'SM892512e202b34d4109b10a3893fa9640',
          sender: { externalId: CUSTOMER, displayName: null, phone: CUSTOMER, email: null },
          threadRef: null,
          replyToProviderMessageId: null,
          text: 'test',
          html: null,
          attachments: [],
          location: null,
          email: null,
          sentAt: null,
        },
      },
    ]);
    expectContractValid(result);
  });

  it('whatsapp_inbound_image_empty_body: one image, empty text', () => {
    const body = fixture('whatsapp_inbound_image_empty_body.form.txt');
    expect(twilioAdapter.destination(request(body))).toEqual({
      channel: 'whatsapp',
      accountExternalId: OUR_NUMBER,
    });
    const result = parse(body);
    expect(result.deliveryId).toBe('MM21151abfaadc1fb79b782f8460862a52');
    const event = onlyEvent(body);
    expect(event.type).toBe('inbound.message_received');
    if (event.type !== 'inbound.message_received') return;
    expect(event.data.channel).toBe('whatsapp');
    expect(event.data.providerMessageId).toBe('MM21151abfaadc1fb79b782f8460862a52');
    expect(event.data.sender).toEqual({
      externalId: CUSTOMER,
      displayName: null,
      phone: CUSTOMER,
      email: null,
    });
    expect(event.data.text).toBe('');
    expect(event.data.attachments).toEqual([
      {
        url: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/MM21151abfaadc1fb79b782f8460862a52/Media/ME5f0afa2336bd0f73ca553fb5a2e3150bc`,
        providerMediaId: null,
        name: null,
        contentType: 'image/jpeg',
        size: null,
        contentId: null,
      },
    ]);
    expect(event.data.location).toBeNull();
    expect(event.data.replyToProviderMessageId).toBeNull();
    expect(event.data.threadRef).toBeNull();
    expect(event.data.html).toBeNull();
    expect(event.data.email).toBeNull();
    expect(event.data.sentAt).toBeNull();
    expect(event.data.raw).toMatchObject({
      NumMedia: '1',
      Body: '',
      MediaContentType0: 'image/jpeg',
    });
    expectContractValid(result);
  });

  it('whatsapp_status_delivered: our number is From, each status is its own delivery', () => {
    const body = fixture('whatsapp_status_delivered.form.txt');
    expect(twilioAdapter.destination(request(body))).toEqual({
      channel: 'whatsapp',
      accountExternalId: OUR_NUMBER,
    });
    const result = parse(body);
    expect(result).toEqual({
      deliveryId: 'SMdf55df64a2ff4920bb0748193cfbb640:delivered',
      events: [
        {
          type: 'inbound.status_received',
          data: {
            channel: 'whatsapp',
            raw: {
              EventType: 'DELIVERED',
              SmsSid: 'SMdf55df64a2ff4920bb0748193cfbb640',
              SmsStatus: 'delivered',
              MessageStatus: 'delivered',
              ChannelToAddress: CUSTOMER,
              To: `whatsapp:${CUSTOMER}`,
              ChannelPrefix: 'whatsapp',
              MessageSid: 'SMdf55df64a2ff4920bb0748193cfbb640',
              AccountSid: ACCOUNT_SID,
              From: `whatsapp:${OUR_NUMBER}`,
              ApiVersion: '2010-04-01',
              ChannelInstallSid: 'XE4e524de4c4d93a42831b334b540bc5ae',
            },
            providerMessageId: 'SMdf55df64a2ff4920bb0748193cfbb640',
            status: 'delivered',
            errorCode: null,
            errorMessage: null,
            occurredAt: NOW.toISOString(),
          },
        },
      ],
    });
    expectContractValid(result);
  });
});

describe('twilioAdapter inbound messages', () => {
  const TEXT = 'whatsapp_inbound_text.form.txt';

  it('treats an address without whatsapp: as SMS and ignores ProfileName there', () => {
    const body = edited(TEXT, { To: OUR_NUMBER, From: CUSTOMER, ProfileName: 'Ann' });
    expect(twilioAdapter.destination(request(body))).toEqual({
      channel: 'sms',
      accountExternalId: OUR_NUMBER,
    });
    const event = onlyEvent(body);
    expect(event.data.channel).toBe('sms');
    if (event.type !== 'inbound.message_received') throw new Error(event.type);
    expect(event.data.sender).toEqual({
      externalId: CUSTOMER,
      displayName: null,
      phone: CUSTOMER,
      email: null,
    });
  });

  it('takes the WhatsApp profile name, the replied-to message and "+" as a space', () => {
    const body = edited(TEXT, {
      ProfileName: 'Ann Smith',
      OriginalRepliedMessageSid: 'SMparent',
    }).replace('Body=test', 'Body=hello+there');
    const event = onlyEvent(body);
    if (event.type !== 'inbound.message_received') throw new Error(event.type);
    expect(event.data.sender.displayName).toBe('Ann Smith');
    expect(event.data.replyToProviderMessageId).toBe('SMparent');
    expect(event.data.text).toBe('hello there');
  });

  it('reads every numbered medium, with or without a content type', () => {
    const body = edited(TEXT, {
      NumMedia: '2',
      MediaUrl0: 'https://api.twilio.com/m/0',
      MediaContentType0: 'image/png',
      MediaUrl1: 'https://api.twilio.com/m/1',
    });
    const event = onlyEvent(body);
    if (event.type !== 'inbound.message_received') throw new Error(event.type);
    expect(event.data.attachments.map(({ url, contentType }) => ({ url, contentType }))).toEqual([
      { url: 'https://api.twilio.com/m/0', contentType: 'image/png' },
      { url: 'https://api.twilio.com/m/1', contentType: null },
    ]);
  });

  it('reads a shared WhatsApp location with its label and address', () => {
    const body = edited(TEXT, {
      Body: '',
      Latitude: '52.370216',
      Longitude: '-4.895168',
      Label: 'Dam Square',
      Address: 'Dam, 1012 JS Amsterdam',
    });
    const event = onlyEvent(body);
    if (event.type !== 'inbound.message_received') throw new Error(event.type);
    expect(event.data.location).toEqual({
      latitude: 52.370216,
      longitude: -4.895168,
      name: 'Dam Square',
      address: 'Dam, 1012 JS Amsterdam',
    });
    expectContractValid(parse(body));
  });

  it('leaves a NUL in free text for the gateway to clean, rather than losing the message', () => {
    const event = onlyEvent(edited(TEXT, { Body: 'a\u0000b' }));
    if (event.type !== 'inbound.message_received') throw new Error(event.type);
    expect(event.data.text).toBe('a\u0000b');
  });

  it('accepts a repeated field when every copy agrees', () => {
    const body = `${fixture(TEXT)}&MessageSid=SM892512e202b34d4109b10a3893fa9640`;
    expect(parse(body).deliveryId).toBe('SM892512e202b34d4109b10a3893fa9640');
  });

  it.each([
    ['MessageSid', { MessageSid: undefined }],
    ['MessageSid', { MessageSid: '' }],
    ['From', { From: undefined }],
    ['To', { To: undefined }],
    ['From', { From: 'whatsapp:' }],
    ['To', { To: 'messenger:12345' }],
    ['From', { From: CUSTOMER }],
    ['MediaUrl0', { NumMedia: '1' }],
    ['NumMedia', { NumMedia: 'two' }],
    ['NumMedia', { NumMedia: '101' }],
    ['Longitude', { Latitude: '52.1' }],
    ['Latitude', { Latitude: '91', Longitude: '4' }],
    ['Longitude', { Latitude: '1', Longitude: 'Infinity' }],
    ['MessageSid', { MessageSid: 'S'.repeat(999) }],
    ['MessageSid', { MessageSid: 'SM\u0000abc' }],
    ['From', { From: 'whatsapp:+316\u00001' }],
    ['MediaUrl0', { NumMedia: '1', MediaUrl0: 'https://x\u0000' }],
  ] as const)('names %s when it is malformed: %j', (field, changes) => {
    expectInputError(() => parse(edited(TEXT, changes)), field);
  });

  it('names the field a repeated value makes ambiguous', () => {
    expectInputError(() => parse(`${fixture(TEXT)}&MessageSid=SMother`), 'MessageSid');
  });

  it('names To when the destination cannot be found', () => {
    expectInputError(
      () => twilioAdapter.destination(request(edited(TEXT, { To: undefined }))),
      'To',
    );
  });
});

describe('twilioAdapter status callbacks', () => {
  const STATUS = 'whatsapp_status_delivered.form.txt';

  it.each([
    ['queued', 'queued'],
    ['accepted', 'queued'],
    ['scheduled', 'queued'],
    ['sending', 'sending'],
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'read'],
    ['undelivered', 'undelivered'],
    ['failed', 'failed'],
  ])('maps MessageStatus %s to %s', (messageStatus, status) => {
    const result = parse(edited(STATUS, { MessageStatus: messageStatus }));
    expect(result.deliveryId).toBe(`SMdf55df64a2ff4920bb0748193cfbb640:${messageStatus}`);
    expect(result.events[0]).toMatchObject({ type: 'inbound.status_received', data: { status } });
  });

  it('carries the error of a failed send', () => {
    const body = edited(STATUS, {
      MessageStatus: 'failed',
      ErrorCode: '63016',
      ErrorMessage: 'Outside the allowed window',
      From: OUR_NUMBER,
      To: CUSTOMER,
    });
    expect(twilioAdapter.destination(request(body))).toEqual({
      channel: 'sms',
      accountExternalId: OUR_NUMBER,
    });
    const result = parse(body);
    expect(result.events[0]).toMatchObject({
      type: 'inbound.status_received',
      data: {
        channel: 'sms',
        status: 'failed',
        errorCode: '63016',
        errorMessage: 'Outside the allowed window',
      },
    });
    expectContractValid(result);
  });

  it('ignores statuses that say nothing about delivery, naming them', () => {
    expect(parse(edited(STATUS, { MessageStatus: 'canceled' }))).toEqual({
      deliveryId: 'SMdf55df64a2ff4920bb0748193cfbb640:canceled',
      events: [],
      ignoredBecause: 'MessageStatus "canceled" is not a delivery status we track',
    });
  });

  it('is an inbound message, not a status, when a Body is present', () => {
    const body = edited(STATUS, {
      Body: 'hi',
      From: `whatsapp:${CUSTOMER}`,
      To: `whatsapp:${OUR_NUMBER}`,
    });
    expect(onlyEvent(body).type).toBe('inbound.message_received');
  });

  it.each([
    ['MessageSid', { MessageSid: undefined }],
    ['From', { From: undefined }],
    ['To', { To: undefined }],
    ['From', { From: 'rcs:brand' }],
    ['ErrorCode', { ErrorCode: '9'.repeat(65) }],
    ['MessageStatus', { MessageStatus: 'sent\u0000' }],
  ] as const)('names %s when it is malformed: %j', (field, changes) => {
    expectInputError(() => parse(edited(STATUS, changes)), field);
  });

  it('names From when the destination of a status cannot be found', () => {
    expectInputError(
      () => twilioAdapter.destination(request(edited(STATUS, { From: undefined }))),
      'From',
    );
  });
});
