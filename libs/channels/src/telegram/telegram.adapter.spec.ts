import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_CATALOG } from '@switchboard/contracts';
import type { ParsedWebhook } from '../parsed-inbound';
import { WebhookInputError } from '../webhook-input.error';
import type { WebhookRequest } from '../webhook-request';
import { telegramAdapter } from './telegram.adapter';

const NOW = new Date('2025-01-02T03:04:05Z');
const FIXTURES = join(__dirname, '../../test-fixtures/telegram');

function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

function request(body: string | Buffer, routeKey: string | null = 'support-bot'): WebhookRequest {
  return {
    method: 'POST',
    url: 'https://hooks.example.com/webhooks/telegram/support-bot',
    headers: { 'content-type': 'application/json' },
    query: {},
    routeKey,
    rawBody: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
  };
}

function parse(update: unknown): ParsedWebhook {
  return telegramAdapter.parse(request(JSON.stringify(update)), NOW);
}

const FROM = { id: 42, is_bot: false, first_name: 'Ann', last_name: 'Lee', username: 'annlee' };
const CHAT = { id: 42, type: 'private' };

/** A private text message with `fields` merged in (undefined removes one). */
function message(fields: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    message_id: 7,
    from: FROM,
    chat: CHAT,
    date: 1_700_000_000,
    text: 'hi',
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete base[key];
    else base[key] = value;
  }
  return base;
}

function receivedData(result: ParsedWebhook) {
  expect(result.events).toHaveLength(1);
  const [event] = result.events;
  if (event?.type !== 'inbound.message_received') throw new Error(`got ${event?.type}`);
  return event.data;
}

function expectContractValid(result: ParsedWebhook): void {
  for (const event of result.events) {
    const data = {
      ...event.data,
      channelAccountId: '7d7e0b8c-2f4b-4a43-9d55-0b9f7c1b2a11',
      receivedAt: '2025-01-02T03:04:05.000Z',
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

describe('telegramAdapter fixtures', () => {
  it('update_message_private_text: a private text message', () => {
    const text = fixtureText('update_message_private_text.json');
    const result = telegramAdapter.parse(request(text), NOW);
    expect(result).toEqual({
      deliveryId: '128526',
      events: [
        {
          type: 'inbound.message_received',
          data: {
            channel: 'telegram',
            raw: JSON.parse(text),
            providerMessageId: '12345678:11223',
            sender: {
              externalId: '12345678',
              displayName: 'FirstName LastName',
              phone: null,
              email: null,
            },
            threadRef: null,
            replyToProviderMessageId: null,
            text: 'Hi, world!',
            html: null,
            attachments: [],
            location: null,
            email: null,
            sentAt: '2017-10-22T22:01:51.000Z',
          },
        },
      ],
    });
    expectContractValid(result);
  });

  it('update_reply_to_message: a reply names the quoted message in the same chat', () => {
    const text = fixtureText('update_reply_to_message.json');
    const result = telegramAdapter.parse(request(text), NOW);
    expect(result.deliveryId).toBe('123456789');
    expect(result.ignoredBecause).toBeUndefined();
    const data = receivedData(result);
    expect(data.channel).toBe('telegram');
    expect(data.raw).toEqual(JSON.parse(text));
    expect(data.providerMessageId).toBe('12345678:12345');
    // The anonymised fixture quotes a message with its own id.
    expect(data.replyToProviderMessageId).toBe('12345678:12345');
    expect(data.sender).toEqual({
      externalId: '12345678',
      displayName: 'Name',
      phone: null,
      email: null,
    });
    expect(data.threadRef).toBeNull();
    expect(data.text).toBe('Reply to quoted message');
    expect(data.html).toBeNull();
    expect(data.attachments).toEqual([]);
    expect(data.location).toBeNull();
    expect(data.email).toBeNull();
    expect(data.sentAt).toBe('2017-10-23T09:44:26.000Z');
    expectContractValid(result);
  });

  it('update_edited_message: the new text and when it was edited', () => {
    const text = fixtureText('update_edited_message.json');
    const result = telegramAdapter.parse(request(text), NOW);
    expect(result).toEqual({
      deliveryId: '123456789',
      events: [
        {
          type: 'inbound.message_edited',
          data: {
            channel: 'telegram',
            raw: JSON.parse(text),
            providerMessageId: '12345678:12345',
            text: 'hi there (edited)',
            editedAt: '2017-10-24T06:09:39.000Z',
          },
        },
      ],
    });
    expectContractValid(result);
  });
});

describe('telegramAdapter.destination', () => {
  it('is the bot named by the route key', () => {
    expect(telegramAdapter.destination(request('{}', 'support-bot'))).toEqual({
      channel: 'telegram',
      accountExternalId: 'support-bot',
    });
  });

  it.each([null, ''])('names routeKey when it is %j', (routeKey) => {
    expectInputError(() => telegramAdapter.destination(request('{}', routeKey)), 'routeKey');
  });
});

describe('telegramAdapter messages', () => {
  it('takes the largest photo size and the caption as text', () => {
    const photo = [
      { file_id: 'small', file_unique_id: 's', width: 90, height: 60, file_size: 1_000 },
      { file_id: 'large', file_unique_id: 'l', width: 1280, height: 853, file_size: 90_000 },
      { file_id: 'medium', file_unique_id: 'm', width: 320, height: 213 },
    ];
    const result = parse({
      update_id: 1,
      message: message({ text: undefined, caption: 'look', photo }),
    });
    const data = receivedData(result);
    expect(data.text).toBe('look');
    expect(data.attachments).toEqual([
      {
        url: null,
        providerMediaId: 'large',
        name: null,
        contentType: 'image/jpeg',
        size: 90_000,
        contentId: null,
      },
    ]);
    expectContractValid(result);
  });

  it('reads document, voice, video, audio and video note files', () => {
    const file = (id: string, extra: Record<string, unknown> = {}) => ({
      file_id: id,
      file_unique_id: `u-${id}`,
      ...extra,
    });
    const result = parse({
      update_id: 2,
      message: message({
        text: undefined,
        document: file('doc', {
          file_name: 'invoice.pdf',
          mime_type: 'application/pdf',
          file_size: 1234,
        }),
        voice: file('voice', { duration: 3, mime_type: 'audio/ogg' }),
        video: file('video', {
          width: 1,
          height: 1,
          duration: 1,
          file_name: 'clip.mp4',
          mime_type: 'video/mp4',
        }),
        audio: file('audio', {
          duration: 60,
          file_name: 'song.mp3',
          mime_type: 'audio/mpeg',
          file_size: 5,
        }),
        video_note: file('round', { length: 240, duration: 5 }),
      }),
    });
    const data = receivedData(result);
    expect(data.text).toBe('');
    expect(
      data.attachments.map(({ providerMediaId, name, contentType, size }) => [
        providerMediaId,
        name,
        contentType,
        size,
      ]),
    ).toEqual([
      ['video', 'clip.mp4', 'video/mp4', null],
      ['audio', 'song.mp3', 'audio/mpeg', 5],
      ['voice', null, 'audio/ogg', null],
      ['round', null, null, null],
      ['doc', 'invoice.pdf', 'application/pdf', 1234],
    ]);
    expect(data.attachments.every((a) => a.url === null && a.contentId === null)).toBe(true);
    expectContractValid(result);
  });

  it.each([
    [{}, 'image/webp'],
    [{ is_animated: true }, 'application/x-tgsticker'],
    [{ is_video: true }, 'video/webm'],
  ])('types a sticker %j as %s', (flags, contentType) => {
    const sticker = {
      file_id: 'st',
      file_unique_id: 'u',
      type: 'regular',
      width: 512,
      height: 512,
      ...flags,
    };
    const data = receivedData(
      parse({ update_id: 3, message: message({ text: undefined, sticker }) }),
    );
    expect(data.attachments).toEqual([
      { url: null, providerMediaId: 'st', name: null, contentType, size: null, contentId: null },
    ]);
  });

  it('reads a location, and a venue with its name and address', () => {
    const location = { latitude: 52.37, longitude: 4.89 };
    const plain = receivedData(
      parse({ update_id: 4, message: message({ text: undefined, location }) }),
    );
    expect(plain.location).toEqual({ latitude: 52.37, longitude: 4.89, name: null, address: null });
    const venue = { location, title: 'Dam Square', address: 'Dam, Amsterdam' };
    const named = receivedData(
      parse({ update_id: 5, message: message({ text: undefined, location, venue }) }),
    );
    expect(named.location).toEqual({
      latitude: 52.37,
      longitude: 4.89,
      name: 'Dam Square',
      address: 'Dam, Amsterdam',
    });
  });

  it('keys group messages by chat and keeps the forum topic as thread', () => {
    const data = receivedData(
      parse({
        update_id: 6,
        message: message({
          chat: { id: -1001234567890, type: 'supergroup', title: 'Support' },
          message_thread_id: 99,
          reply_to_message: {
            message_id: 5,
            from: FROM,
            chat: { id: -1001234567890, type: 'supergroup' },
            date: 1,
          },
        }),
      }),
    );
    expect(data.providerMessageId).toBe('-1001234567890:7');
    expect(data.threadRef).toBe('99');
    expect(data.replyToProviderMessageId).toBe('-1001234567890:5');
    expect(data.sender.externalId).toBe('42');
  });

  it.each([
    [{ id: 1, first_name: 'Ann' }, 'Ann'],
    [{ id: 1, first_name: '', username: 'ann' }, 'ann'],
    [{ id: 1 }, null],
    [{ id: 1, first_name: 'A'.repeat(300) }, 'A'.repeat(256)],
  ])('names the sender %j as %j', (from, displayName) => {
    expect(
      receivedData(parse({ update_id: 7, message: message({ from }) })).sender.displayName,
    ).toBe(displayName);
  });

  it('ignores service messages that carry no content', () => {
    const update = {
      update_id: 8,
      message: message({ text: undefined, new_chat_members: [FROM] }),
    };
    expect(parse(update)).toEqual({
      deliveryId: '8',
      events: [],
      ignoredBecause:
        'message has no text, media or location (service message or unsupported content)',
    });
  });

  it('leaves NULs and broken Unicode in free text for the gateway to clean', () => {
    const body = `{"update_id":1,"message":{"message_id":1,"from":{"id":1,"first_name":"\\ud800"},"chat":{"id":1},"date":1,"text":"a\\u0000b"}}`;
    const data = receivedData(telegramAdapter.parse(request(body), NOW));
    expect(data.text).toBe('a\u0000b');
    expect(data.sender.displayName).toBe('\ud800');
  });

  it('reads no field through a __proto__ key in the body', () => {
    const body = `{"update_id":9,"message":{"message_id":1,"from":{"id":1},"chat":{"id":1},"date":1,"__proto__":{"text":"smuggled"}}}`;
    expect(telegramAdapter.parse(request(body), NOW).events).toEqual([]);
  });
});

describe('telegramAdapter other updates', () => {
  it('ignores an edit that only moves a live location', () => {
    const edited = message({
      text: undefined,
      edit_date: 1_700_000_100,
      location: { latitude: 1, longitude: 2, live_period: 60 },
    });
    expect(parse({ update_id: 10, edited_message: edited })).toEqual({
      deliveryId: '10',
      events: [],
      ignoredBecause: 'live location update',
    });
  });

  it('takes an edited caption as the new text', () => {
    const edited = message({ text: undefined, caption: 'new caption', edit_date: 1_700_000_100 });
    expect(parse({ update_id: 11, edited_message: edited }).events[0]).toMatchObject({
      type: 'inbound.message_edited',
      data: { text: 'new caption', editedAt: '2023-11-14T22:15:00.000Z' },
    });
  });

  it.each(['channel_post', 'callback_query', 'my_chat_member', 'message_reaction'])(
    'ignores %s updates, naming the kind',
    (kind) => {
      expect(parse({ update_id: 12, [kind]: { id: 'x' } })).toEqual({
        deliveryId: '12',
        events: [],
        ignoredBecause: `update kind "${kind}" is not handled`,
      });
    },
  );

  it('ignores an update with nothing but its id', () => {
    expect(parse({ update_id: 13 }).ignoredBecause).toBe('update kind "empty" is not handled');
  });
});

describe('telegramAdapter malformed updates', () => {
  it.each([
    ['body', 'not json'],
    ['body', '[]'],
    ['body', 'null'],
    ['update_id', '{}'],
    ['update_id', '{"update_id":"1"}'],
    ['update_id', '{"update_id":-1}'],
    ['update_id', '{"update_id":1.5}'],
  ])('names %s for %s', (field, body) => {
    expectInputError(() => telegramAdapter.parse(request(body), NOW), field);
  });

  it.each([
    ['message.from', { from: undefined }],
    ['message.from.id', { from: { first_name: 'x' } }],
    ['message.chat.id', { chat: {} }],
    ['message.message_id', { message_id: '7' }],
    ['message.message_id', { message_id: 7.5 }],
    ['message.date', { date: -1 }],
    ['message.date', { date: 1e15 }],
    ['message.text', { text: 5 }],
    ['message.photo.0.file_id', { photo: [{ width: 1, height: 1 }] }],
    ['message.document.file_id', { document: { file_id: '' } }],
    ['message.document.file_id', { document: { file_id: 'BQ\u0000' } }],
    ['message.voice.file_id', { voice: { file_id: '\ud800' } }],
    ['message.location.latitude', { location: { latitude: 91, longitude: 0 } }],
    ['message.reply_to_message.message_id', { reply_to_message: {} }],
  ])('names %s when it is malformed', (field, fields) => {
    expectInputError(() => parse({ update_id: 1, message: message(fields) }), field);
  });

  it('names edit_date when an edit has none', () => {
    expectInputError(
      () => parse({ update_id: 1, edited_message: message() }),
      'edited_message.edit_date',
    );
  });

  it('names the message field when it is not an object', () => {
    expectInputError(() => parse({ update_id: 1, message: 'hello' }), 'message');
  });
});
