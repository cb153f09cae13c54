import { WebhookInputError } from '../webhook-input.error';
import { metaAdapter } from './meta.adapter';
import { parseMetaWebhook } from './meta-webhook.parser';
import {
  fixtureJson,
  messagingBody,
  messagingEvent,
  metaRequest,
  WA_CONTACT,
  waMessage,
  whatsAppBody,
} from './testing/meta-test-kit';

/** Malformed payloads answer 400 naming the exact field, never a 500. */
function inputError(body: unknown): WebhookInputError {
  const rawBody = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body), 'utf8');
  try {
    parseMetaWebhook(metaRequest(rawBody));
  } catch (error) {
    if (error instanceof WebhookInputError) return error;
    throw error;
  }
  throw new Error('parse accepted a malformed body');
}

type Json = Record<string, unknown>;

/** A fixture with `edit` applied to its parsed JSON. */
function fixtureWith(path: string, edit: (body: Json) => void): Json {
  const body = fixtureJson(path) as Json;
  edit(body);
  return body;
}

const firstMessage = (body: Json): Json =>
  (body as { entry: Array<{ changes: Array<{ value: { messages: Json[] } }> }> }).entry[0]!
    .changes[0]!.value.messages[0]!;
const firstStatus = (body: Json): Json =>
  (body as { entry: Array<{ changes: Array<{ value: { statuses: Json[] } }> }> }).entry[0]!
    .changes[0]!.value.statuses[0]!;
const firstMessaging = (body: Json): Json =>
  (body as { entry: Array<{ messaging: Json[] }> }).entry[0]!.messaging[0]!;

describe('malformed Meta webhooks', () => {
  it.each<[string, (body: Json) => void, string]>([
    [
      'a message without from (and no business-scoped id)',
      (body) => delete firstMessage(body).from,
      'entry[0].changes[0].value.messages[0].from',
    ],
    [
      'a message without id',
      (body) => delete firstMessage(body).id,
      'entry[0].changes[0].value.messages[0].id',
    ],
    [
      'a message without timestamp',
      (body) => delete firstMessage(body).timestamp,
      'entry[0].changes[0].value.messages[0].timestamp',
    ],
    [
      'a timestamp that is not a number',
      (body) => (firstMessage(body).timestamp = 'yesterday'),
      'entry[0].changes[0].value.messages[0].timestamp',
    ],
    [
      'a message without type',
      (body) => delete firstMessage(body).type,
      'entry[0].changes[0].value.messages[0].type',
    ],
    [
      'a text message without a body',
      (body) => (firstMessage(body).text = {}),
      'entry[0].changes[0].value.messages[0].text.body',
    ],
    [
      'no metadata.phone_number_id',
      (body) => {
        const value = (body as { entry: Array<{ changes: Array<{ value: Json }> }> }).entry[0]!
          .changes[0]!.value;
        value.metadata = {};
      },
      'entry[0].changes[0].value.metadata.phone_number_id',
    ],
    ['entry that is not an array', (body) => (body.entry = {}), 'entry'],
  ])('WhatsApp: %s', (_name, edit, field) => {
    const error = inputError(fixtureWith('whatsapp/cloud_text.json', edit));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}: `));
  });

  it('WhatsApp: a document without a media id or url', () => {
    const error = inputError(
      fixtureWith('whatsapp/cloud_document_forwarded_caption.json', (body) => {
        delete (firstMessage(body).document as Json).id;
      }),
    );
    expect(error.field).toBe('entry[0].changes[0].value.messages[0].document.id');
  });

  it('WhatsApp: a status without its status', () => {
    const error = inputError(
      fixtureWith('whatsapp/cloud_status_failed.json', (body) => delete firstStatus(body).status),
    );
    expect(error.field).toBe('entry[0].changes[0].value.statuses[0].status');
  });

  it('WhatsApp: a location out of range', () => {
    const body = whatsAppBody({
      contacts: [WA_CONTACT],
      messages: [waMessage('location', { location: { latitude: 91, longitude: 0 } })],
    });
    expect(inputError(body).field).toBe('entry[0].changes[0].value.messages[0].location.latitude');
  });

  it('WhatsApp: an id PostgreSQL could not store is rejected, not altered', () => {
    const body = whatsAppBody({
      contacts: [WA_CONTACT],
      messages: [{ ...waMessage('text', { text: { body: 'x' } }), id: 'wamid.\u0000' }],
    });
    expect(inputError(body)).toMatchObject({
      field: 'entry[0].changes[0].value.messages[0].id',
      message: expect.stringContaining('NUL character or broken Unicode'),
    });
  });

  it('WhatsApp: the second message of the second change is named exactly', () => {
    const body = whatsAppBody(
      { contacts: [WA_CONTACT], messages: [waMessage('text', { text: { body: 'ok' } })] },
      {
        contacts: [WA_CONTACT],
        messages: [
          waMessage('text', { text: { body: 'ok' } }),
          waMessage('reaction', { reaction: {} }),
        ],
      },
    );
    expect(inputError(body).field).toBe(
      'entry[0].changes[1].value.messages[1].reaction.message_id',
    );
  });

  it.each<[string, string, (body: Json) => void]>([
    [
      'entry[0].messaging[0].sender',
      'messenger/page_text_quick_reply.json',
      (body) => delete firstMessaging(body).sender,
    ],
    [
      'entry[0].messaging[0].message.mid',
      'messenger/page_text_quick_reply.json',
      (body) => delete (firstMessaging(body).message as Json).mid,
    ],
    [
      'entry[0].messaging[0].timestamp',
      'messenger/page_image_attachment.json',
      (body) => delete firstMessaging(body).timestamp,
    ],
    ['entry[0].id', 'instagram/ig_text.json', (body) => delete (body.entry as Json[])[0]!.id],
    [
      'entry[0].messaging[0].message.text',
      'instagram/ig_text.json',
      (body) => ((firstMessaging(body).message as Json).text = 42),
    ],
  ])('Messenger / Instagram: names %s (from %s)', (field, path, edit) => {
    expect(inputError(fixtureWith(path, edit)).field).toBe(field);
  });

  it('Messenger: a delivery whose mids are not strings', () => {
    const body = messagingBody('page', [messagingEvent({ delivery: { mids: [1], watermark: 1 } })]);
    expect(inputError(body).field).toBe('entry[0].messaging[0].delivery.mids[0]');
  });

  it.each<[string, string, Buffer | object]>([
    ['not JSON', 'body', Buffer.from('{"object":', 'utf8')],
    ['not UTF-8', 'body', Buffer.from([0x7b, 0xff, 0x7d])],
    ['a JSON array', 'body', []],
    ['no object', 'object', { entry: [] }],
    ['an object Meta does not deliver here', 'object', { object: 'user', entry: [] }],
  ])('the envelope: %s → %s', (_name, field, body) => {
    expect(inputError(body).field).toBe(field);
  });

  it('destination: a body that names no account', () => {
    const request = metaRequest({ object: 'page', entry: [] });
    expect(() => metaAdapter.destination(request)).toThrow(WebhookInputError);
    expect(() => metaAdapter.destination(request)).toThrow('entry: names no account');
  });

  it('prototype keys are never read as fields', () => {
    const body = JSON.parse(
      '{"object":"page","entry":[{"id":"P","messaging":[{"sender":{"id":"S"},"timestamp":1,"__proto__":{"message":{"mid":"m","text":"x"}}}]}]}',
    ) as unknown;
    const parsed = parseMetaWebhook(metaRequest(body as object));
    expect(parsed.events).toEqual([]);
  });
});
