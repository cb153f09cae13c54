import { EVENT_CATALOG, toStorable } from '@switchboard/contracts';
import fc from 'fast-check';
import type { ParsedInbound, ParsedWebhook } from '../parsed-inbound';
import { WebhookInputError } from '../webhook-input.error';
import type { WebhookRequest } from '../webhook-request';
import { metaAdapter } from './meta.adapter';
import { destinationsOf } from './meta-destination';
import { parseMetaWebhook, parseMetaWebhookByDestination } from './meta-webhook.parser';
import {
  fixtureJson,
  messagingBody,
  messagingEvent,
  metaRequest,
  TEST_APP_SECRET,
  WA_CONTACT,
  waMessage,
  whatsAppBody,
} from './testing/meta-test-kit';

/**
 * Whatever arrives, the adapter either returns or throws `WebhookInputError` (→ 400), never
 * anything else (→ 500, and Meta retrying a poison POST for days). And what it returns must
 * pass the inbound contract, or the gateway would acknowledge events it cannot publish.
 */
const FIXTURES = [
  'whatsapp/cloud_text.json',
  'whatsapp/cloud_document_forwarded_caption.json',
  'whatsapp/cloud_reply_with_context.json',
  'whatsapp/cloud_unsupported_type_error.json',
  'whatsapp/cloud_status_failed.json',
  'messenger/page_text_quick_reply.json',
  'messenger/page_image_attachment.json',
  'messenger/page_echo_sent_by_app_ignore.json',
  'instagram/ig_text.json',
  'instagram/ig_echo_sent_by_business_ignore.json',
];

const receivedAt = '2026-01-01T00:00:00.000Z';

function expectContractValid(event: ParsedInbound): void {
  const result = EVENT_CATALOG[event.type].schema.safeParse({
    ...event.data,
    channelAccountId: null,
    receivedAt,
  });
  if (!result.success) throw new Error(`${event.type}: ${result.error.message}`);
}

/** Runs every entry point; only `WebhookInputError` may escape, results must be valid. */
function expectReturnsOrInputError(request: WebhookRequest): 'returned' | 'rejected' {
  const attempt = <T>(run: () => T): T | null => {
    try {
      return run();
    } catch (error) {
      if (error instanceof WebhookInputError) return null;
      throw error;
    }
  };
  const parsed = attempt(() => parseMetaWebhook(request));
  parsed?.events.forEach(expectContractValid);
  const slices = attempt(() => parseMetaWebhookByDestination(request));
  if (parsed !== null && slices !== null) {
    const sliced = slices.flatMap(({ webhook }) => webhook.events).length;
    expect(sliced).toBeLessThanOrEqual(parsed.events.length);
  }
  attempt(() => destinationsOf(request));
  attempt(() => metaAdapter.destination(request));
  expect(metaAdapter.verify(request, { appSecret: TEST_APP_SECRET }, new Date())).toBeDefined();
  return parsed === null ? 'rejected' : 'returned';
}

/** Strings that have broken parsers before: NUL, a lone surrogate, emoji, long, empty. */
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', '\u0000', '\ud83d', '😀', '__proto__', 'constructor', 'x'.repeat(2000)),
);
const anyJson = fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' });
const replacement = fc.oneof(
  anyJson,
  nastyString,
  fc.constantFrom(null, 0, -1, 1.5, 1e308, 2 ** 60, true, [], {}),
);

type Path = Array<string | number>;

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) {
    return [prefix, ...value.flatMap((item, i) => pathsOf(item, [...prefix, i]))];
  }
  if (value !== null && typeof value === 'object') {
    return [
      prefix,
      ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key])),
    ];
  }
  return [prefix];
}

/** Deletes or replaces the value at `path` (the root itself is replaced). */
function mutate(root: unknown, path: Path, remove: boolean, next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove && Array.isArray(parent)) parent.splice(last as number, 1);
  else if (remove) delete parent[last];
  else parent[last] = next;
  return copy;
}

describe('Meta adapter properties', () => {
  it('arbitrary bytes: returns or WebhookInputError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expectReturnsOrInputError(metaRequest(Buffer.from(bytes)));
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary JSON in a Meta envelope: returns or WebhookInputError', () => {
    const object = fc.constantFrom('whatsapp_business_account', 'page', 'instagram', 'user');
    fc.assert(
      fc.property(object, anyJson, (kind, entry) => {
        expectReturnsOrInputError(metaRequest({ object: kind, entry }));
      }),
      { numRuns: 300 },
    );
  });

  it('fixtures with one value deleted or replaced anywhere: returns or WebhookInputError', () => {
    const cases = FIXTURES.map((path) => {
      const body = fixtureJson(path);
      return { body, paths: pathsOf(body) };
    });
    const seen = { returned: 0, rejected: 0 };
    fc.assert(
      fc.property(
        fc.nat({ max: cases.length - 1 }),
        fc.nat(),
        fc.boolean(),
        replacement,
        (which, at, remove, next) => {
          const { body, paths } = cases[which]!;
          const mutated = mutate(body, paths[at % paths.length]!, remove, next);
          seen[expectReturnsOrInputError(metaRequest(JSON.stringify(mutated) ?? 'null'))] += 1;
        },
      ),
      { numRuns: 1000 },
    );
    // Both branches must really be exercised, or the property proves little.
    expect(seen.returned).toBeGreaterThan(100);
    expect(seen.rejected).toBeGreaterThan(100);
  });

  it('fixtures with several mutations at once: returns or WebhookInputError', () => {
    const bodies = FIXTURES.map(fixtureJson);
    const mutation = fc.tuple(fc.nat(), fc.boolean(), replacement);
    fc.assert(
      fc.property(
        fc.nat({ max: bodies.length - 1 }),
        fc.array(mutation, { minLength: 2, maxLength: 5 }),
        (which, mutations) => {
          let body = bodies[which];
          for (const [at, remove, next] of mutations) {
            const paths = pathsOf(body);
            body = mutate(body, paths[at % paths.length]!, remove, next);
          }
          expectReturnsOrInputError(metaRequest(JSON.stringify(body) ?? 'null'));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('generated WhatsApp batches: one valid event per message, ids and texts kept', () => {
    const id = fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme-ascii' });
    const message = fc.record({ id, text: nastyString.filter((text) => text.length > 0) });
    const change = fc.record({ phoneNumberId: id, messages: fc.array(message, { maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 4 }), (changes) => {
        const body = whatsAppBody(
          ...changes.map((c) => ({
            phoneNumberId: c.phoneNumberId,
            contacts: [WA_CONTACT],
            messages: c.messages.map((m) => ({
              ...waMessage('text', { text: { body: m.text } }),
              id: m.id,
            })),
          })),
        );
        const parsed: ParsedWebhook = parseMetaWebhook(metaRequest(body));
        const expected = changes.flatMap((c) => c.messages);
        expect(parsed.events.map((e) => e.data.providerMessageId)).toEqual(
          expected.map((m) => m.id),
        );
        expect(parsed.events.map((e) => ('text' in e.data ? e.data.text : null))).toEqual(
          expected.map((m) => toStorable(m.text)),
        );
        parsed.events.forEach(expectContractValid);
        const again = parseMetaWebhook(metaRequest(body));
        expect(again.deliveryId).toBe(parsed.deliveryId);
      }),
      { numRuns: 300 },
    );
  });

  it('generated Messenger / Instagram events: customer messages kept, echoes dropped', () => {
    const event = fc.record({
      mid: fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme-ascii' }),
      text: nastyString,
      echo: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.constantFrom('page' as const, 'instagram' as const),
        fc.array(event, { maxLength: 6 }),
        (object, events) => {
          const body = messagingBody(
            object,
            events.map((e) =>
              messagingEvent({ message: { mid: e.mid, text: e.text, is_echo: e.echo } }),
            ),
          );
          const parsed = parseMetaWebhook(metaRequest(body));
          const kept = events.filter((e) => !e.echo);
          expect(parsed.events.map((e) => e.data.providerMessageId)).toEqual(
            kept.map((e) => e.mid),
          );
          parsed.events.forEach(expectContractValid);
        },
      ),
      { numRuns: 300 },
    );
  });
});
