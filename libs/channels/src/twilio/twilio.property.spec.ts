import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { EVENT_CATALOG, isStorable, toStorableDeep } from '@switchboard/contracts';
import type { ParsedWebhook } from '../parsed-inbound';
import { WebhookInputError } from '../webhook-input.error';
import type { WebhookRequest } from '../webhook-request';
import { twilioAdapter } from './twilio.adapter';

const FIXTURES = join(__dirname, '../../test-fixtures/twilio');
const FORMS = [
  'whatsapp_inbound_text.form.txt',
  'whatsapp_inbound_image_empty_body.form.txt',
  'whatsapp_status_delivered.form.txt',
].map((name) => readFileSync(join(FIXTURES, name)));
const NOW = new Date('2025-01-02T03:04:05Z');
const NOW_ISO = NOW.toISOString();

const KNOWN_KEYS = [
  'MessageSid',
  'From',
  'To',
  'Body',
  'MessageStatus',
  'NumMedia',
  'MediaUrl0',
  'MediaContentType0',
  'MediaUrl1',
  'Latitude',
  'Longitude',
  'Label',
  'Address',
  'ProfileName',
  'OriginalRepliedMessageSid',
  'ErrorCode',
  'ErrorMessage',
  '__proto__',
  'constructor',
  'toString',
];
const TRICKY_VALUES = [
  '',
  'whatsapp:+14155550100',
  '+14155550100',
  'whatsapp:',
  'messenger:123',
  'SMabc',
  'delivered',
  'read',
  'failed',
  'canceled',
  'received',
  '0',
  '1',
  '2',
  '100',
  '101',
  '-1',
  '1e2',
  '0x10',
  '90',
  '52.37',
  '-4.895',
  '-180.5',
  'NaN',
  'Infinity',
  ' 1',
  'x'.repeat(65),
  'x'.repeat(257),
  'x'.repeat(999),
  'x'.repeat(4_097),
  '😀'.repeat(200),
  'SM\u0000x',
  'whatsapp:+1\u0000',
  '\u0000',
];

const key = fc.oneof({ arbitrary: fc.constantFrom(...KNOWN_KEYS), weight: 4 }, fc.string());
const value = fc.oneof(
  { arbitrary: fc.constantFrom(...TRICKY_VALUES), weight: 3 },
  fc.string(),
  fc.string({ unit: 'binary' }),
);
const pairs = fc.array(fc.tuple(key, value), { maxLength: 30 });

/** Arbitrary forms, encoded as Twilio would. */
const generatedForm = pairs.map((entries) => Buffer.from(new URLSearchParams(entries).toString()));

/** A fixture with fields set, deleted or repeated: reaches the deep paths more often. */
const editedFixture = fc
  .tuple(
    fc.constantFrom(...FORMS),
    fc.array(fc.tuple(fc.constantFrom('set', 'delete', 'append'), key, value), { maxLength: 6 }),
  )
  .map(([fixture, edits]) => {
    const form = new URLSearchParams(fixture.toString());
    for (const [op, k, v] of edits) {
      if (op === 'delete') form.delete(k);
      else form[op](k, v);
    }
    return Buffer.from(form.toString());
  });

/** A fixture with a shared location: coordinates in and out of range, odd spellings. */
const coordinate = fc.oneof(
  fc
    .tuple(fc.integer({ min: -200, max: 200 }), fc.nat(999_999))
    .map(([whole, fraction]) => `${whole}.${fraction}`),
  fc.double({ min: -200, max: 200, noNaN: true }).map(String),
  fc.constantFrom(...TRICKY_VALUES),
);
const locationForm = fc
  .tuple(fc.constantFrom(...FORMS), coordinate, coordinate, value, value)
  .map(([fixture, latitude, longitude, label, address]) => {
    const form = new URLSearchParams(fixture.toString());
    Object.entries({
      Latitude: latitude,
      Longitude: longitude,
      Label: label,
      Address: address,
    }).forEach(([k, v]) => form.set(k, v));
    return Buffer.from(form.toString());
  });

/** Fixture bytes with bytes overwritten and a tail cut off: broken encodings, truncation. */
const mutatedBytes = fc
  .tuple(
    fc.constantFrom(...FORMS),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
    fc.nat(),
  )
  .map(([fixture, edits, cut]) => {
    const bytes = Buffer.from(fixture);
    for (const [at, byte] of edits) bytes[at % bytes.length] = byte;
    return bytes.subarray(0, bytes.length - (cut % 40));
  });

const anyBody = fc.oneof(
  generatedForm,
  editedFixture,
  locationForm,
  mutatedBytes,
  fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)),
);

function request(
  rawBody: Buffer,
  headers: Record<string, string> = {},
  url = 'https://h.example.com/t',
): WebhookRequest {
  return { method: 'POST', url, headers, query: {}, routeKey: null, rawBody };
}

/** Returns normally, or throws WebhookInputError; anything else fails the property. */
function returnsOrRejectsInput<T>(run: () => T): T | null {
  try {
    return run();
  } catch (error) {
    if (error instanceof WebhookInputError) return null;
    throw error;
  }
}

/**
 * What the gateway needs: a storable delivery id, ids it can store without changing them, and
 * data that passes the contract once it has cleaned the text (`toStorableDeep`) and added its
 * own fields.
 */
function assertAcceptable(result: ParsedWebhook): void {
  if (!result.deliveryId || !isStorable(result.deliveryId)) throw new Error('bad deliveryId');
  if (result.events.length === 0 && !result.ignoredBecause) throw new Error('no events, no reason');
  for (const event of result.events) {
    const data = { ...toStorableDeep(event.data), channelAccountId: null, receivedAt: NOW_ISO };
    const checked = EVENT_CATALOG[event.type].schema.safeParse(data);
    if (!checked.success) throw checked.error;
    const ids = [event.data.providerMessageId];
    if (event.type === 'inbound.message_received') {
      const { sender, replyToProviderMessageId, threadRef, attachments } = event.data;
      ids.push(sender.externalId, replyToProviderMessageId ?? '', threadRef ?? '');
      ids.push(...attachments.map((a) => `${a.url ?? ''}${a.providerMediaId ?? ''}`));
    }
    if (!ids.every(isStorable)) throw new Error(`unstorable id in ${JSON.stringify(ids)}`);
  }
}

describe('twilioAdapter on generated and mutated bodies', () => {
  it('parse returns contract-valid events or throws WebhookInputError', () => {
    fc.assert(
      fc.property(anyBody, (body) => {
        const result = returnsOrRejectsInput(() => twilioAdapter.parse(request(body), NOW));
        if (result) assertAcceptable(result);
      }),
      { numRuns: 1_000 },
    );
  });

  it('parse and destination hold for every fixture with any one known field set to a tricky value', () => {
    // Exhaustive rather than sampled: the limits sit on single fields, which sampling rarely hits.
    for (const fixture of FORMS) {
      for (const key of KNOWN_KEYS) {
        for (const tricky of TRICKY_VALUES) {
          const form = new URLSearchParams(fixture.toString());
          form.set(key, tricky);
          const body = Buffer.from(form.toString());
          const result = returnsOrRejectsInput(() => twilioAdapter.parse(request(body), NOW));
          if (result) assertAcceptable(result);
          returnsOrRejectsInput(() => twilioAdapter.destination(request(body)));
        }
      }
    }
  });

  it('destination returns an sms/whatsapp account or throws WebhookInputError', () => {
    fc.assert(
      fc.property(anyBody, (body) => {
        const destination = returnsOrRejectsInput(() => twilioAdapter.destination(request(body)));
        if (destination === null) return;
        expect(['sms', 'whatsapp']).toContain(destination.channel);
        expect(destination.accountExternalId).not.toMatch(/^whatsapp:/);
        expect(destination.accountExternalId.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('verify never throws and never passes a request signed by nobody', () => {
    fc.assert(
      fc.property(
        anyBody,
        fc.string(),
        fc.oneof(fc.webUrl(), fc.string()),
        (body, signature, url) => {
          const result = twilioAdapter.verify(
            request(body, { 'x-twilio-signature': signature }, url),
            { authToken: 'tok' },
            NOW,
          );
          expect(result.ok).toBe(false);
          if (!result.ok) expect([401, 403]).toContain(result.status);
        },
      ),
      { numRuns: 500 },
    );
  });
});
