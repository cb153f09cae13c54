import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import twilio from 'twilio';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import { ChannelHarness, fixture, PUBLIC_BASE_URL } from '../support/channel-harness';

/**
 * Correctly signed but mutated provider payloads, through the real gateway and consumer: the
 * answer is always a clear 2xx or 4xx (never 5xx), and whatever was accepted is fully stored.
 */
describe('Mutated webhooks', () => {
  let harness: ChannelHarness;

  beforeAll(async () => {
    harness = await ChannelHarness.start();
    await harness.connect('slack', 'T043DB835ML', { signingSecret: 'slack-secret-for-fuzz' });
    await harness.connect('whatsapp_cloud', '1122334455667', { appSecret: 'meta-secret-for-fuzz' });
    await harness.connect('telegram', 'fuzz-bot', { secretToken: 'telegram-secret-for-fuzz' });
    await harness.connect('whatsapp', '+14123456789', { authToken: 'twilio-token-for-fuzz' });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  /** A JSON value with one field replaced, removed, or given another type, somewhere. */
  const mutatedJson = (original: unknown) =>
    fc
      .tuple(fc.nat(), fc.oneof(fc.constant(undefined), fc.anything({ maxDepth: 2 })))
      .map(([pick, replacement]) => {
        const copy = JSON.parse(JSON.stringify(original));
        const paths: Array<[Record<string, unknown>, string]> = [];
        const walk = (node: unknown) => {
          if (node && typeof node === 'object') {
            for (const key of Object.keys(node)) {
              paths.push([node as Record<string, unknown>, key]);
              walk((node as Record<string, unknown>)[key]);
            }
          }
        };
        walk(copy);
        const [parent, key] = paths[pick % paths.length];
        if (replacement === undefined) delete parent[key];
        else parent[key] = replacement;
        return Buffer.from(JSON.stringify(copy));
      });

  const acceptable = (status: number) => [200, 400, 404].includes(status);
  // A fixed seed keeps CI repeatable; FUZZ_SEED=<n> explores other inputs.
  const runs = { numRuns: 25, seed: Number(process.env.FUZZ_SEED ?? 20261123) };

  it('Slack, Meta and Telegram never answer 5xx to a signed mutation', async () => {
    const slack = JSON.parse(fixture('slack', 'message_im_dm.json').toString('utf8'));
    await fc.assert(
      fc.asyncProperty(mutatedJson(slack), async (body) => {
        const timestamp = String(Math.floor(Date.now() / 1000));
        const signature = createHmac('sha256', 'slack-secret-for-fuzz')
          .update(`v0:${timestamp}:`)
          .update(body)
          .digest('hex');
        const response = await harness.post('/v1/webhooks/slack', body, {
          'content-type': 'application/json',
          'x-slack-request-timestamp': timestamp,
          'x-slack-signature': `v0=${signature}`,
        });
        expect(acceptable(response.status)).toBe(true);
      }),
      runs,
    );
    const meta = JSON.parse(fixture('meta', 'whatsapp/cloud_text.json').toString('utf8'));
    await fc.assert(
      fc.asyncProperty(mutatedJson(meta), async (body) => {
        const signature = createHmac('sha256', 'meta-secret-for-fuzz').update(body).digest('hex');
        const response = await harness.post('/v1/webhooks/meta', body, {
          'content-type': 'application/json',
          'x-hub-signature-256': `sha256=${signature}`,
        });
        expect(acceptable(response.status)).toBe(true);
      }),
      runs,
    );
    const telegram = JSON.parse(
      fixture('telegram', 'update_message_private_text.json').toString('utf8'),
    );
    await fc.assert(
      fc.asyncProperty(mutatedJson(telegram), async (body) => {
        const response = await harness.post('/v1/webhooks/telegram/fuzz-bot', body, {
          'content-type': 'application/json',
          'x-telegram-bot-api-secret-token': 'telegram-secret-for-fuzz',
        });
        expect(acceptable(response.status)).toBe(true);
      }),
      runs,
    );
  });

  it('Twilio never answers 5xx to a signed mutation of its form fields', async () => {
    const fields = Object.fromEntries(
      new URLSearchParams(
        fixture('twilio', 'whatsapp_inbound_text.form.txt').toString('utf8').trim(),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(fields)),
        fc.oneof(fc.constant(null), fc.string(), fc.string({ unit: 'binary', maxLength: 40 })),
        async (field, value) => {
          const mutated: Record<string, string> = { ...fields };
          if (value === null) delete mutated[field];
          else mutated[field] = value;
          const body = new URLSearchParams(mutated).toString();
          const response = await harness.post('/v1/webhooks/twilio', body, {
            'content-type': 'application/x-www-form-urlencoded',
            'x-twilio-signature': twilio.getExpectedTwilioSignature(
              'twilio-token-for-fuzz',
              `${PUBLIC_BASE_URL}/v1/webhooks/twilio`,
              mutated,
            ),
          });
          expect(acceptable(response.status)).toBe(true);
        },
      ),
      runs,
    );
  });

  it('left nothing half-stored: every accepted event was consumed, every message is whole', async () => {
    await waitFor(async () => {
      const [{ pending }] = await harness.query<{ pending: number }>(
        'SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL',
      );
      return pending === 0;
    }, 'the outbox to drain').catch(async (error) => {
      console.log(
        JSON.stringify(
          await harness.query(
            `SELECT seq, topic, xid::text, published_at, pg_snapshot_xmin(pg_current_snapshot())::text AS xmin FROM outbox WHERE published_at IS NULL LIMIT 5`,
          ),
        ),
      );
      console.log(
        JSON.stringify(
          await harness.query(
            `SELECT pid, state, xact_start, backend_xid::text, backend_xmin::text, left(query, 120) AS q, application_name FROM pg_stat_activity WHERE datname = current_database()`,
          ),
        ),
      );
      throw error;
    });
    const orphans = await harness.query(
      `SELECT m.id FROM messages m
         LEFT JOIN conversations c ON c.id = m.conversation_id
         LEFT JOIN contact_identities ci ON ci.contact_id = m.contact_id
        WHERE c.id IS NULL OR ci.id IS NULL`,
    );
    expect(orphans).toEqual([]);
  });
});
