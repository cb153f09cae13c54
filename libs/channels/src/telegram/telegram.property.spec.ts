import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { EVENT_CATALOG, isStorable, toStorableDeep } from '@switchboard/contracts';
import type { ParsedWebhook } from '../parsed-inbound';
import { WebhookInputError } from '../webhook-input.error';
import type { WebhookRequest } from '../webhook-request';
import { telegramAdapter } from './telegram.adapter';

const NOW = new Date('2025-01-02T03:04:05Z');
const NOW_ISO = NOW.toISOString();
const FIXTURES = join(__dirname, '../../test-fixtures/telegram');
const UPDATES = [
  'update_message_private_text.json',
  'update_reply_to_message.json',
  'update_edited_message.json',
].map((name) => readFileSync(join(FIXTURES, name)));

const anyJson = fc.jsonValue({ maxDepth: 2 });
const optional = <T>(fields: { [K in keyof T]: fc.Arbitrary<T[K]> }) =>
  fc.record(fields, { requiredKeys: [] });

/** Usually `typed`, sometimes a value at or past a limit the adapter must enforce. */
const edgy = <T, E>(typed: fc.Arbitrary<T>, ...edges: E[]) =>
  fc.oneof({ arbitrary: typed, weight: 8 }, fc.constantFrom(...edges));

/** Well-formed parts of an update, as the Bot API describes them, with edge values mixed in. */
const fileId = edgy(
  fc.string({ minLength: 1, maxLength: 100 }),
  '',
  'f'.repeat(512),
  'f'.repeat(513),
);
const fileSize = edgy(fc.nat(), -1, Number.MAX_SAFE_INTEGER, 2 ** 53, 0.5);
const name = edgy(
  fc.string({ unit: 'binary' }),
  'n'.repeat(1_025),
  'n'.repeat(300),
  'a\u0000\udc00',
);
const mimeType = edgy(fc.string(), 'm'.repeat(256));
const file = fc.record(
  { file_id: fileId, file_name: name, mime_type: mimeType, file_size: fileSize },
  { requiredKeys: ['file_id'] },
);
const coordinates = {
  latitude: edgy(fc.double({ min: -90, max: 90, noNaN: true }), 90, -90, 90.000001, -180.5),
  longitude: edgy(fc.double({ min: -180, max: 180, noNaN: true }), 180, -180, 180.000001),
};
const location = fc.record(coordinates);
const unixTime = edgy(
  fc.nat({ max: 2_000_000_000 }),
  0,
  -1,
  1.5,
  253_402_300_799,
  253_402_300_800,
  8_640_000_000_001,
  Number.MAX_SAFE_INTEGER,
);
const id = edgy(fc.maxSafeInteger(), 2 ** 53, 1.5);
const count = edgy(fc.nat(), -1, 2 ** 53, 1.5);
const message = fc
  .tuple(
    fc.record({
      message_id: count,
      from: fc.record(
        {
          id: fc.maxSafeNat(),
          first_name: fc.string(),
          last_name: fc.string(),
          username: fc.string(),
        },
        { requiredKeys: ['id'] },
      ),
      chat: fc.record({ id }),
      date: unixTime,
      edit_date: unixTime,
    }),
    optional({
      message_thread_id: id,
      text: fc.oneof(
        { arbitrary: fc.string(), weight: 30 },
        { arbitrary: fc.constant('x'.repeat(1_000_001)), weight: 1 },
      ),
      caption: name,
      photo: fc.array(
        fc.record(
          { file_id: fileId, width: fc.nat(), height: fc.nat(), file_size: fileSize },
          {
            requiredKeys: ['file_id', 'width', 'height'],
          },
        ),
        { maxLength: 4 },
      ),
      document: file,
      voice: file,
      video: file,
      audio: file,
      video_note: file,
      sticker: fc.record(
        { file_id: fileId, is_animated: fc.boolean(), is_video: fc.boolean() },
        {
          requiredKeys: ['file_id'],
        },
      ),
      location: fc.record(
        { ...coordinates, live_period: fc.nat() },
        { requiredKeys: ['latitude', 'longitude'] },
      ),
      venue: fc.record({ location, title: name, address: edgy(fc.string(), 'a'.repeat(2_049)) }),
      reply_to_message: fc.record({ message_id: count }),
      new_chat_members: anyJson,
    }),
  )
  .map(([required, rest]) => ({ ...required, ...rest }));
const wellFormedUpdate = fc.oneof(
  fc.record({ update_id: count, message }),
  fc.record({ update_id: fc.nat(), edited_message: message }),
  fc.record({ update_id: fc.nat(), channel_post: message }),
  fc.record({ update_id: fc.nat(), callback_query: anyJson }),
);

/** Replaces one value somewhere in `tree` (chosen by `pick`) with `replacement`. */
function replaceSomewhere(tree: object, pick: number, replacement: unknown): void {
  const holders: Record<string, unknown>[] = [];
  const collect = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    holders.push(node as Record<string, unknown>);
    Object.values(node).forEach(collect);
  };
  collect(tree);
  const holder = holders[pick % holders.length]!;
  const keys = Object.keys(holder);
  holder[keys[pick % keys.length] ?? 'extra'] = replacement;
}

/** Well-formed updates with up to two values anywhere replaced by arbitrary JSON. */
const generatedUpdate = fc
  .tuple(wellFormedUpdate, fc.array(fc.tuple(fc.nat(), anyJson), { maxLength: 2 }))
  .map(([update, edits]) => {
    for (const [pick, replacement] of edits) replaceSomewhere(update, pick, replacement);
    return Buffer.from(JSON.stringify(update));
  });

/** Fixture bytes with bytes overwritten and a tail cut off: broken JSON and UTF-8. */
const mutatedBytes = fc
  .tuple(
    fc.constantFrom(...UPDATES),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
    fc.nat(),
  )
  .map(([fixture, edits, cut]) => {
    const bytes = Buffer.from(fixture);
    for (const [at, byte] of edits) bytes[at % bytes.length] = byte;
    return bytes.subarray(0, bytes.length - (cut % 20 === 0 ? cut % 200 : 0));
  });

/** A fixture with one value somewhere replaced by arbitrary JSON. */
const editedFixture = fc
  .tuple(fc.constantFrom(...UPDATES), fc.nat(), anyJson)
  .map(([fixture, pick, replacement]) => {
    const update = JSON.parse(fixture.toString()) as object;
    replaceSomewhere(update, pick, replacement);
    return Buffer.from(JSON.stringify(update));
  });

const anyBody = fc.oneof(
  generatedUpdate,
  editedFixture,
  mutatedBytes,
  anyJson.map((value) => Buffer.from(JSON.stringify(value) ?? '')),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
);

function request(rawBody: Buffer, headers: Record<string, string> = {}): WebhookRequest {
  return {
    method: 'POST',
    url: 'https://h.example.com/t/bot',
    headers,
    query: {},
    routeKey: 'bot',
    rawBody,
  };
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

/** An update using every field the adapter reads, for the exhaustive sweep below. */
function richUpdate(kind: 'message' | 'edited_message'): Record<string, unknown> {
  const file = { file_id: 'F1', file_name: 'a.pdf', mime_type: 'application/pdf', file_size: 10 };
  const location = { latitude: 52.37, longitude: 4.89 };
  return {
    update_id: 1,
    [kind]: {
      message_id: 7,
      message_thread_id: 3,
      from: { id: 42, first_name: 'Ann', last_name: 'Lee', username: 'ann' },
      chat: { id: -100123, type: 'supergroup' },
      date: 1_700_000_000,
      edit_date: 1_700_000_100,
      text: 'hi',
      caption: 'cap',
      photo: [{ file_id: 'P1', width: 10, height: 10, file_size: 5 }],
      document: file,
      voice: file,
      video: file,
      audio: file,
      video_note: file,
      sticker: { file_id: 'S1', is_animated: false, is_video: false },
      location,
      venue: { location, title: 'Dam', address: 'Amsterdam' },
      reply_to_message: { message_id: 6 },
    },
  };
}

/** Values at or just past a limit, or of the wrong type. */
const EDGES: unknown[] = [
  null,
  true,
  '',
  '1',
  [],
  {},
  -1,
  0,
  1.5,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  90.000001,
  -180.5,
  253_402_300_799,
  253_402_300_800,
  8_640_000_000_001,
  'f\u0000',
  '\ud800',
  'x'.repeat(256),
  'x'.repeat(257),
  'x'.repeat(513),
  'x'.repeat(1_025),
  'x'.repeat(2_049),
];

/** Every [holder, key] in the tree, so each value can be replaced in turn. */
function slots(tree: object): [Record<string, unknown>, string][] {
  const found: [Record<string, unknown>, string][] = [];
  const visit = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, child] of Object.entries(node)) {
      found.push([node as Record<string, unknown>, key]);
      visit(child);
    }
  };
  visit(tree);
  return found;
}

describe('telegramAdapter on generated and mutated updates', () => {
  it('parse returns contract-valid events or throws WebhookInputError', () => {
    fc.assert(
      fc.property(anyBody, (body) => {
        let result: ParsedWebhook;
        try {
          result = telegramAdapter.parse(request(body), NOW);
        } catch (error) {
          if (error instanceof WebhookInputError) return;
          throw error;
        }
        assertAcceptable(result);
      }),
      { numRuns: 1_000 },
    );
  });

  it('holds with any one value of a rich update replaced by an edge value', () => {
    // Exhaustive rather than sampled: each limit sits on one field, and sampling rarely
    // changes that field alone.
    for (const kind of ['message', 'edited_message'] as const) {
      const count = slots(richUpdate(kind)).length;
      for (let slot = 0; slot < count; slot++) {
        for (const edge of EDGES) {
          const update = richUpdate(kind);
          const [holder, key] = slots(update)[slot]!;
          holder[key] = edge;
          let result: ParsedWebhook;
          try {
            result = telegramAdapter.parse(request(Buffer.from(JSON.stringify(update))), NOW);
          } catch (error) {
            if (error instanceof WebhookInputError) continue;
            throw error;
          }
          assertAcceptable(result);
        }
      }
    }
  });

  it('verify never throws, whatever the header holds', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'binary' }),
        (header, secret) => {
          const result = telegramAdapter.verify(
            request(Buffer.from('{}'), { 'x-telegram-bot-api-secret-token': header }),
            { secretToken: secret },
            new Date(0),
          );
          expect(result.ok).toBe(header !== '' && header === secret);
        },
      ),
      { numRuns: 500 },
    );
  });
});
