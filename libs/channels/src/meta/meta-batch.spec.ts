import { metaAdapter } from './meta.adapter';
import { destinationsOf } from './meta-destination';
import { parseMetaWebhook, parseMetaWebhookByDestination } from './meta-webhook.parser';
import {
  fixtureJson,
  messagingEvent,
  metaRequest,
  WA_CONTACT,
  waMessage,
  whatsAppBody,
} from './testing/meta-test-kit';

/** Meta batches: several entries, several changes, several accounts in one POST. */
const text = (id: string, body: string) => ({ ...waMessage('text', { text: { body } }), id });
const status = (id: string, value: string) => ({ id, status: value, timestamp: '1749416383' });

function whatsAppBatch() {
  const body = whatsAppBody(
    { contacts: [WA_CONTACT], messages: [text('wamid.A', 'one'), text('wamid.B', 'two')] },
    { statuses: [status('wamid.OUT', 'delivered'), status('wamid.OUT', 'read')] },
    { phoneNumberId: 'PNID-2', contacts: [WA_CONTACT], messages: [text('wamid.C', 'three')] },
  ) as { entry: unknown[] };
  // A second entry (another WABA) with one more message.
  const second = whatsAppBody({
    phoneNumberId: 'PNID-3',
    contacts: [WA_CONTACT],
    messages: [text('wamid.D', 'four')],
  }) as { entry: unknown[] };
  return { ...body, entry: [...body.entry, ...second.entry] };
}

describe('batched Meta webhooks', () => {
  it('every message and status of every change of every entry becomes an event, in order', () => {
    const parsed = parseMetaWebhook(metaRequest(whatsAppBatch()));
    expect(parsed.events.map((event) => [event.type, event.data.providerMessageId])).toEqual([
      ['inbound.message_received', 'wamid.A'],
      ['inbound.message_received', 'wamid.B'],
      ['inbound.status_received', 'wamid.OUT'],
      ['inbound.status_received', 'wamid.OUT'],
      ['inbound.message_received', 'wamid.C'],
      ['inbound.message_received', 'wamid.D'],
    ]);
  });

  it('the gateway routes by the first destination; destinationsOf lists them all', () => {
    const request = metaRequest(whatsAppBatch());
    expect(metaAdapter.destination(request)).toEqual({
      channel: 'whatsapp_cloud',
      accountExternalId: 'PNID-1',
    });
    expect(destinationsOf(request)).toEqual(
      ['PNID-1', 'PNID-2', 'PNID-3'].map((id) => ({
        channel: 'whatsapp_cloud',
        accountExternalId: id,
      })),
    );
  });

  it('parseMetaWebhookByDestination keeps each account’s events apart', () => {
    const slices = parseMetaWebhookByDestination(metaRequest(whatsAppBatch()));
    expect(
      slices.map(({ destination, webhook }) => [
        destination.accountExternalId,
        webhook.events.map((event) => event.data.providerMessageId),
      ]),
    ).toEqual([
      ['PNID-1', ['wamid.A', 'wamid.B', 'wamid.OUT', 'wamid.OUT']],
      ['PNID-2', ['wamid.C']],
      ['PNID-3', ['wamid.D']],
    ]);
    expect(new Set(slices.map(({ webhook }) => webhook.deliveryId)).size).toBe(3);
  });

  it('Messenger entries of two pages, with an echo among them', () => {
    const body = {
      object: 'page',
      entry: [
        {
          id: 'PAGE-1',
          time: 1,
          messaging: [
            messagingEvent({ message: { mid: 'm_1', text: 'a' } }),
            messagingEvent(
              { message: { mid: 'm_e', text: 'ours', is_echo: true } },
              'PAGE-1',
              'PSID-1',
            ),
            messagingEvent({ message: { mid: 'm_2', text: 'b' } }),
          ],
        },
        {
          id: 'PAGE-2',
          time: 1,
          messaging: [messagingEvent({ message: { mid: 'm_3', text: 'c' } }, 'PSID-9', 'PAGE-2')],
        },
      ],
    };
    const request = metaRequest(body);
    expect(parseMetaWebhook(request).events.map((event) => event.data.providerMessageId)).toEqual([
      'm_1',
      'm_2',
      'm_3',
    ]);
    expect(destinationsOf(request).map((d) => d.accountExternalId)).toEqual(['PAGE-1', 'PAGE-2']);
  });

  it('a WABA-level change (no phone number) is skipped and unroutable', () => {
    const body = whatsAppBody({ contacts: [WA_CONTACT], messages: [text('wamid.A', 'x')] }) as {
      entry: Array<{ changes: unknown[] }>;
    };
    body.entry[0]!.changes.unshift({
      field: 'account_update',
      value: { event: 'VERIFIED_ACCOUNT' },
    });
    const request = metaRequest(body);
    expect(destinationsOf(request)).toEqual([
      { channel: 'whatsapp_cloud', accountExternalId: 'PNID-1' },
    ]);
    expect(parseMetaWebhook(request).events).toHaveLength(1);
  });
});

describe('delivery ids', () => {
  it('are the same for a retry of the same batch, whatever the order of its entries', () => {
    const batch = whatsAppBatch();
    const first = parseMetaWebhook(metaRequest(batch)).deliveryId;
    const reordered = { ...batch, entry: [...batch.entry].reverse() };
    expect(parseMetaWebhook(metaRequest(reordered)).deliveryId).toBe(first);
    expect(first).toMatch(/^batch:[0-9a-f]{64}$/);
  });

  it('differ when the batch holds different items', () => {
    const batch = whatsAppBatch();
    const smaller = { ...batch, entry: batch.entry.slice(0, 1) };
    expect(parseMetaWebhook(metaRequest(smaller)).deliveryId).not.toBe(
      parseMetaWebhook(metaRequest(batch)).deliveryId,
    );
  });

  it('tell each status of a message apart', () => {
    const ids = ['sent', 'delivered', 'read'].map(
      (value) =>
        parseMetaWebhook(metaRequest(whatsAppBody({ statuses: [status('wamid.OUT', value)] })))
          .deliveryId,
    );
    expect(ids).toEqual(['wamid.OUT:sent', 'wamid.OUT:delivered', 'wamid.OUT:read']);
  });

  it('fall back to a hash of the bytes when nothing carries an id', () => {
    const body = whatsAppBody({});
    const parsed = parseMetaWebhook(metaRequest(body));
    expect(parsed).toEqual({
      deliveryId: expect.stringMatching(/^body:[0-9a-f]{64}$/),
      events: [],
      ignoredBecause: 'change without messages or statuses',
    });
  });

  it('of a fixture are stable across parses', () => {
    const body = fixtureJson('messenger/page_text_quick_reply.json') as object;
    expect(parseMetaWebhook(metaRequest(body)).deliveryId).toBe(
      parseMetaWebhook(metaRequest(body)).deliveryId,
    );
  });
});
