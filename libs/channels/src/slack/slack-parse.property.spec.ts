import fc from 'fast-check';
import { EVENT_CATALOG } from '@switchboard/contracts';
import type { ParsedWebhook } from '../parsed-inbound';
import { WebhookInputError } from '../webhook-input.error';
import { slackDestination } from './slack-destination';
import { parseSlackWebhook } from './slack-parse';
import { slackUrlVerification } from './slack-url-verification';
import { SLACK_FIXTURES, slackFixture } from './testing/slack-fixtures';
import { slackRequest } from './testing/signed-slack-request';

/**
 * Whatever arrives, reading it either succeeds with events the contract accepts, or fails
 * with WebhookInputError (a 400): never a TypeError, which the gateway would answer with a
 * 500 that Slack retries, nor an event the codec refuses after Slack was answered 200.
 */
function expectOnlyInputErrors(rawBody: Buffer): void {
  const request = slackRequest(rawBody);
  for (const read of [parseSlackWebhook, slackDestination, slackUrlVerification]) {
    try {
      const result = read(request);
      if (read === parseSlackWebhook) expectContractValid(result as ParsedWebhook);
    } catch (error) {
      if (!(error instanceof WebhookInputError)) throw error;
    }
  }
}

function expectContractValid(result: ParsedWebhook): void {
  if (result.events.length === 0 && !result.ignoredBecause) throw new Error('no events, no reason');
  for (const event of result.events) {
    const data = { ...event.data, channelAccountId: null, receivedAt: '2026-01-15T10:00:00.000Z' };
    const checked = EVENT_CATALOG[event.type].schema.safeParse(data);
    if (!checked.success) throw checked.error;
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const DELETE = Symbol('delete');

/** Every path into a JSON value, so a mutation can land anywhere, not only where we look. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const children: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : [];
  return [prefix, ...children.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

function mutated(
  value: Json,
  [key, ...rest]: (string | number)[],
  replacement: Json | typeof DELETE,
): Json {
  if (key === undefined) return replacement === DELETE ? null : replacement;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string | number, Json> | Json[] = Array.isArray(value)
    ? [...value]
    : { ...value };
  const record = copy as Record<string | number, Json>;
  if (rest.length === 0 && replacement === DELETE) delete record[key];
  else record[key] = mutated(record[key] ?? null, rest, replacement);
  return copy;
}

const fixtures = SLACK_FIXTURES.map(
  (name) => JSON.parse(slackFixture(name).toString('utf8')) as Json,
);

/** Values Slack fields hold or nearly hold, besides arbitrary JSON. */
const replacement = fc.oneof(
  fc.constant(DELETE),
  fc.jsonValue() as fc.Arbitrary<Json>,
  fc.constantFrom(
    '',
    'message',
    'event_callback',
    'url_verification',
    'message_changed',
    'message_deleted',
    'tombstone',
    'bot_message',
    'file_share',
  ),
  fc.stringMatching(/^\d{0,11}(\.\d{0,7})?$/),
  fc.constantFrom<Json>({}, [], [{}], 0, -1, 1.5, true),
  // What PostgreSQL refuses, and what the contract's limits refuse.
  fc.constantFrom('a\u0000b', 'a\ud800b', '\udc00', 'C'.repeat(256), 'x'.repeat(1_000_001)),
  fc.string({ unit: 'binary' }),
);

describe('Slack payloads that are not what Slack sends', () => {
  it('arbitrary bytes are read or refused with WebhookInputError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        expectOnlyInputErrors(Buffer.from(bytes));
      }),
    );
  });

  it('arbitrary JSON is read or refused with WebhookInputError', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectOnlyInputErrors(Buffer.from(JSON.stringify(value)));
      }),
    );
  });

  it('captured payloads with fields changed or removed anywhere are read or refused with WebhookInputError', () => {
    const mutation = fc.integer({ min: 0, max: fixtures.length - 1 }).chain((index) => {
      const fixture = fixtures[index] ?? null;
      const paths = pathsOf(fixture);
      return fc.tuple(
        fc.constant(fixture),
        fc.array(fc.tuple(fc.integer({ min: 0, max: paths.length - 1 }), replacement), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.constant(paths),
      );
    });
    fc.assert(
      fc.property(mutation, ([fixture, changes, paths]) => {
        const body = changes.reduce<Json>(
          (value, [pathIndex, next]) => mutated(value, paths[pathIndex] ?? [], next),
          fixture,
        );
        expectOnlyInputErrors(Buffer.from(JSON.stringify(body)));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('Slack messages people write', () => {
  const id = fc.stringMatching(/^[A-Z0-9]{1,20}$/);
  const instant = fc.tuple(
    fc.integer({ min: 0, max: 9_999_999_999 }),
    fc.integer({ min: 0, max: 999_999 }),
  );
  const tsOf = ([seconds, micros]: [number, number]) =>
    `${seconds}.${String(micros).padStart(6, '0')}`;

  it('keep their channel, ts, author, thread and text, whatever they are', () => {
    fc.assert(
      fc.property(
        id,
        id,
        instant,
        fc.option(instant, { nil: undefined }),
        fc.string(),
        (channel, user, sent, thread, text) => {
          const ts = tsOf(sent);
          const threadTs = thread === undefined ? undefined : tsOf(thread);
          const body = {
            type: 'event_callback',
            team_id: 'T043DB835ML',
            event_id: 'Ev1',
            event_time: 1,
            event: { type: 'message', channel, user, ts, thread_ts: threadTs, text },
          };
          const parsed = parseSlackWebhook(slackRequest(Buffer.from(JSON.stringify(body))));
          const [seconds, micros] = sent;
          expect(parsed.events).toHaveLength(1);
          expect(parsed.events[0]?.data).toMatchObject({
            providerMessageId: `${channel}:${ts}`,
            sender: { externalId: user },
            threadRef: threadTs === undefined ? null : `${channel}:${threadTs}`,
            text,
            sentAt: new Date(seconds * 1000 + Math.floor(micros / 1000)).toISOString(),
          });
        },
      ),
    );
  });
});
