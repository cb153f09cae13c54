import type { ParsedInbound } from '../parsed-inbound';
import { parseMetaWebhook } from './meta-webhook.parser';
import { metaRequest, WA_CONTACT, waMessage, whatsAppBody } from './testing/meta-test-kit';

/**
 * Message types beyond the fixtures, shaped after Meta's "messages webhook reference"
 * (developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference).
 */
function parseOne(message: object, contacts: object[] = [WA_CONTACT]): ParsedInbound {
  const parsed = parseMetaWebhook(metaRequest(whatsAppBody({ contacts, messages: [message] })));
  expect(parsed.events).toHaveLength(1);
  return parsed.events[0]!;
}

function received(message: object) {
  const event = parseOne(message);
  if (event.type !== 'inbound.message_received') throw new Error(`got ${event.type}`);
  return event.data;
}

const SENT_AT = '2025-06-08T20:59:43.000Z';

describe('WhatsApp Cloud messages', () => {
  it.each([
    ['image', { id: 'MEDIA-1', mime_type: 'image/jpeg', sha256: 'x', caption: 'look' }, 'look'],
    ['video', { id: 'MEDIA-1', mime_type: 'video/mp4', sha256: 'x' }, ''],
    ['audio', { id: 'MEDIA-1', mime_type: 'audio/ogg; codecs=opus', voice: true }, ''],
    ['sticker', { id: 'MEDIA-1', mime_type: 'image/webp', animated: false }, ''],
  ])('%s: an attachment by media id, caption as text', (type, media, text) => {
    const data = received(waMessage(type, { [type]: media }));
    expect(data.text).toBe(text);
    expect(data.attachments).toEqual([
      {
        url: null,
        providerMediaId: 'MEDIA-1',
        name: null,
        contentType: media.mime_type,
        size: null,
        contentId: null,
      },
    ]);
    expect(data.sentAt).toBe(SENT_AT);
  });

  it('media with only a url (newer payloads) keeps the url', () => {
    const data = received(waMessage('image', { image: { url: 'https://lookaside.example/1' } }));
    expect(data.attachments[0]).toMatchObject({
      url: 'https://lookaside.example/1',
      providerMediaId: null,
    });
  });

  it('location: coordinates, name and address', () => {
    const data = received(
      waMessage('location', {
        location: { latitude: 37.4834, longitude: -122.1487, name: 'HQ', address: '1 Hacker Way' },
      }),
    );
    expect(data).toMatchObject({
      text: '',
      attachments: [],
      location: { latitude: 37.4834, longitude: -122.1487, name: 'HQ', address: '1 Hacker Way' },
    });
  });

  it.each([
    ['button_reply', { button_reply: { id: 'yes', title: 'Yes please' } }, 'Yes please'],
    ['list_reply', { list_reply: { id: 'r1', title: 'Row one', description: 'd' } }, 'Row one'],
    ['nfm_reply', { nfm_reply: { name: 'flow', body: 'Sent', response_json: '{}' } }, 'Sent'],
  ])('interactive %s: the tapped title is the text', (kind, reply, text) => {
    const data = received(
      waMessage(
        'interactive',
        { interactive: { type: kind, ...reply } },
        { context: { from: '15550000000', id: 'wamid.OURS' } },
      ),
    );
    expect(data.text).toBe(text);
    expect(data.replyToProviderMessageId).toBe('wamid.OURS');
  });

  it('button (template quick reply): the button text', () => {
    const data = received(
      waMessage('button', { button: { payload: 'P', text: 'Stop promotions' } }),
    );
    expect(data.text).toBe('Stop promotions');
  });

  it('contacts: shared cards as name and phone lines', () => {
    const data = received(
      waMessage('contacts', {
        contacts: [
          { name: { formatted_name: 'Ana Lopez' }, phones: [{ phone: '+1 555 0100' }] },
          { name: { formatted_name: 'Bo' }, phones: [] },
        ],
      }),
    );
    expect(data.text).toBe('Ana Lopez, +1 555 0100\nBo');
  });

  it.each(['order', 'some_future_type'])('%s: a placeholder naming the type', (type) => {
    expect(received(waMessage(type, { [type]: {} })).text).toBe(`[unsupported message: ${type}]`);
  });

  it.each(['system', 'request_welcome'])('%s: no event', (type) => {
    const parsed = parseMetaWebhook(
      metaRequest(whatsAppBody({ contacts: [WA_CONTACT], messages: [waMessage(type, {})] })),
    );
    expect(parsed).toEqual({
      deliveryId: `wamid.${type}`,
      events: [],
      ignoredBecause: `whatsapp ${type} message`,
    });
  });

  it('reaction: the reacted-to message and the emoji', () => {
    const event = parseOne(
      waMessage('reaction', { reaction: { message_id: 'wamid.OURS', emoji: '\u{1F44D}' } }),
    );
    expect(event).toEqual({
      type: 'inbound.reaction_received',
      data: {
        channel: 'whatsapp_cloud',
        raw: expect.objectContaining({ id: 'wamid.reaction' }),
        providerMessageId: 'wamid.OURS',
        sender: {
          externalId: '16505551234',
          displayName: 'Sheena Nelson',
          phone: '16505551234',
          email: null,
        },
        emoji: '👍',
        occurredAt: SENT_AT,
      },
    });
  });

  it.each([
    ['an empty emoji', { message_id: 'wamid.OURS', emoji: '' }],
    ['no emoji', { message_id: 'wamid.OURS' }],
  ])('reaction with %s: removed (null)', (_name, reaction) => {
    expect(parseOne(waMessage('reaction', { reaction }))).toMatchObject({
      type: 'inbound.reaction_received',
      data: { emoji: null },
    });
  });

  it('edit: the new text of the original message', () => {
    const event = parseOne(
      waMessage('edit', {
        edit: {
          original_message_id: 'wamid.ORIGINAL',
          message: { type: 'text', text: { body: 'fixed typo' } },
        },
      }),
    );
    expect(event).toEqual({
      type: 'inbound.message_edited',
      data: {
        channel: 'whatsapp_cloud',
        raw: expect.objectContaining({ id: 'wamid.edit' }),
        providerMessageId: 'wamid.ORIGINAL',
        text: 'fixed typo',
        editedAt: SENT_AT,
      },
    });
  });

  it('edit of a media caption: the new caption', () => {
    const event = parseOne(
      waMessage('edit', {
        edit: {
          original_message_id: 'wamid.ORIGINAL',
          message: {
            context: { id: 'wamid.CTX' },
            type: 'image',
            image: { caption: 'new caption', mime_type: 'image/jpeg', id: 'MEDIA-1' },
          },
        },
      }),
    );
    expect(event).toMatchObject({
      data: { providerMessageId: 'wamid.ORIGINAL', text: 'new caption' },
    });
  });

  it('revoke: the original message deleted', () => {
    expect(
      parseOne(waMessage('revoke', { revoke: { original_message_id: 'wamid.ORIGINAL' } })),
    ).toEqual({
      type: 'inbound.message_deleted',
      data: {
        channel: 'whatsapp_cloud',
        raw: expect.objectContaining({ id: 'wamid.revoke' }),
        providerMessageId: 'wamid.ORIGINAL',
        deletedAt: SENT_AT,
      },
    });
  });

  it('a text with a context id replies to it', () => {
    const data = received(
      waMessage('text', { text: { body: 'yes' } }, { context: { id: 'wamid.Q', from: '1555' } }),
    );
    expect(data.replyToProviderMessageId).toBe('wamid.Q');
  });
});

describe('WhatsApp Cloud senders', () => {
  it('a username user without a phone: the business-scoped id, no phone', () => {
    const message = { ...waMessage('text', { text: { body: 'hi' } }), from: undefined };
    const event = parseOne({ ...message, from_user_id: 'US.13491208655302741918' }, [
      { profile: { name: 'Sheena', username: '@sheena' }, user_id: 'US.13491208655302741918' },
    ]);
    expect(event).toMatchObject({
      data: {
        sender: {
          externalId: 'US.13491208655302741918',
          displayName: 'Sheena',
          phone: null,
          email: null,
        },
      },
    });
  });

  it('no contacts[]: the from number, no display name', () => {
    const event = parseOne(waMessage('text', { text: { body: 'hi' } }), []);
    expect(event).toMatchObject({
      data: {
        sender: { externalId: '16505551234', displayName: null, phone: '16505551234', email: null },
      },
    });
  });

  it('several contacts: the one whose wa_id is the sender', () => {
    const event = parseOne(waMessage('text', { text: { body: 'hi' } }), [
      { profile: { name: 'Other' }, wa_id: '100' },
      WA_CONTACT,
    ]);
    expect(event).toMatchObject({ data: { sender: { displayName: 'Sheena Nelson' } } });
  });

  it('a display name over the contract limit is clipped, not rejected', () => {
    const event = parseOne(waMessage('text', { text: { body: 'hi' } }), [
      { profile: { name: 'x'.repeat(300) }, wa_id: '16505551234' },
    ]);
    expect(event).toMatchObject({ data: { sender: { displayName: 'x'.repeat(256) } } });
  });

  it('broken Unicode in text is cleaned, not rejected (PostgreSQL could not store it)', () => {
    const body = JSON.stringify(
      whatsAppBody({
        contacts: [WA_CONTACT],
        messages: [waMessage('text', { text: { body: 'x' } })],
      }),
    ).replace('"body":"x"', '"body":"a\\u0000b\\ud800c"');
    const [event] = parseMetaWebhook(metaRequest(body)).events;
    expect(event).toMatchObject({
      data: { text: 'ab\uFFFDc', raw: { text: { body: 'ab\uFFFDc' } } },
    });
  });
});

describe('WhatsApp Cloud statuses', () => {
  const status = (value: string, extra = {}) => ({
    id: 'wamid.OUT',
    status: value,
    timestamp: '1749416383',
    recipient_id: '16505551234',
    ...extra,
  });

  it.each(['sent', 'delivered', 'read'])('%s', (value) => {
    const parsed = parseMetaWebhook(metaRequest(whatsAppBody({ statuses: [status(value)] })));
    expect(parsed).toEqual({
      deliveryId: `wamid.OUT:${value}`,
      events: [
        {
          type: 'inbound.status_received',
          data: {
            channel: 'whatsapp_cloud',
            raw: status(value),
            providerMessageId: 'wamid.OUT',
            status: value,
            errorCode: null,
            errorMessage: null,
            occurredAt: SENT_AT,
          },
        },
      ],
    });
  });

  it.each(['played', 'deleted', 'warning'])('%s: ignored', (value) => {
    const parsed = parseMetaWebhook(metaRequest(whatsAppBody({ statuses: [status(value)] })));
    expect(parsed).toEqual({
      deliveryId: `wamid.OUT:${value}`,
      events: [],
      ignoredBecause: `whatsapp status "${value}"`,
    });
  });

  it('failed without a title: the error message instead', () => {
    const parsed = parseMetaWebhook(
      metaRequest(
        whatsAppBody({
          statuses: [status('failed', { errors: [{ code: 131026, message: 'Undeliverable' }] })],
        }),
      ),
    );
    expect(parsed.events[0]).toMatchObject({
      data: { status: 'failed', errorCode: '131026', errorMessage: 'Undeliverable' },
    });
  });
});
