import { createHmac } from 'node:crypto';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import { ChannelHarness, fixture } from '../support/channel-harness';

const SIGNING_SECRET = 'slack-signing-secret-for-tests';

function slackHeaders(body: Buffer, signedAt = new Date(), secret = SIGNING_SECRET) {
  const timestamp = String(Math.floor(signedAt.getTime() / 1000));
  const signature = createHmac('sha256', secret)
    .update(`v0:${timestamp}:`)
    .update(body)
    .digest('hex');
  return {
    'content-type': 'application/json',
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': `v0=${signature}`,
  };
}

/** Slack Events API fixtures through the gateway, Kafka and conversations into PostgreSQL. */
describe('Slack channel end to end', () => {
  let harness: ChannelHarness;

  beforeAll(async () => {
    harness = await ChannelHarness.start();
    await harness.connect('slack', 'T043DB835ML', { signingSecret: SIGNING_SECRET });
    // The anonymised plain-message fixture names its workspace T043DB835L in `authorizations`.
    await harness.connect('slack', 'T043DB835L', { signingSecret: SIGNING_SECRET });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const send = (name: string, headers?: Record<string, string>) => {
    const body = fixture('slack', name);
    return harness.post('/v1/webhooks/slack', body, headers ?? slackHeaders(body));
  };

  const message = async (providerMessageId: string) => {
    const [row] = await harness.query<Record<string, unknown>>(
      `SELECT m.text, m.channel, m.thread_ref, m.attachments, m.deleted_at, m.sent_at,
              ci.kind, ci.address, c.status
         FROM messages m
         JOIN contact_identities ci ON ci.contact_id = m.contact_id
         JOIN conversations c ON c.id = m.conversation_id
        WHERE m.provider_message_id = $1`,
      [providerMessageId],
    );
    return row;
  };

  it('stores a channel message with its sender as a Slack identity', async () => {
    expect((await send('message_channel_plain.json')).status).toBe(200);
    await waitFor(async () => !!(await message('C043YJGBY49:1663966382.046509')), 'the message');
    expect(await message('C043YJGBY49:1663966382.046509')).toMatchObject({
      text: 'dgsfklsdgf',
      channel: 'slack',
      thread_ref: null,
      attachments: [],
      deleted_at: null,
      sent_at: new Date(1663966382046),
      kind: 'provider',
      address: 'slack:U043H11ES4V',
      status: 'open',
    });
  });

  it('stores a direct message and a file share with its attachment', async () => {
    expect((await send('message_im_dm.json')).status).toBe(200);
    expect((await send('message_file_share_dm.json')).status).toBe(200);
    await waitFor(async () => !!(await message('D0442US94JD:1670631527.874149')), 'the file share');
    expect(await message('D0442US94JD:1664408649.009629')).toMatchObject({ text: 'test' });
    const share = await message('D0442US94JD:1670631527.874149');
    expect(share.text).toBe('message message message');
    expect(share.attachments).toEqual([
      expect.objectContaining({ name: expect.any(String), contentType: expect.any(String) }),
    ]);
    const [{ conversations }] = await harness.query<{ conversations: number }>(
      `SELECT count(DISTINCT conversation_id)::int AS conversations FROM messages
        WHERE provider_message_id LIKE 'D0442US94JD:%'`,
    );
    expect(conversations).toBe(1);
  });

  it('applies a delete to the stored message', async () => {
    expect((await send('message_deleted.json')).status).toBe(200);
    await waitFor(
      async () => (await message('C043YJGBY49:1663966382.046509')).deleted_at !== null,
      'the delete',
    );
  });

  it('ignores messages from bots, and accepts a retry of the same event once', async () => {
    const before = await harness.inboundCount();
    expect((await send('bot_reply_in_thread_ignore.json')).status).toBe(200);
    const body = fixture('slack', 'message_im_dm.json');
    const retry = await harness.post('/v1/webhooks/slack', body, {
      ...slackHeaders(body),
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(retry.status).toBe(200);
    expect(await harness.inboundCount()).toBe(before);
    const [{ n }] = await harness.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM messages WHERE provider_message_id = 'D0442US94JD:1664408649.009629'`,
    );
    expect(n).toBe(1);
  });

  it('rejects a tampered body, a stale signature and a wrong secret with 401, publishing nothing', async () => {
    const before = await harness.inboundCount();
    const body = fixture('slack', 'message_im_dm.json');
    const tampered = Buffer.from(body.toString('utf8').replace('"test"', '"pwned"'));
    expect((await harness.post('/v1/webhooks/slack', tampered, slackHeaders(body))).status).toBe(
      401,
    );
    const stale = slackHeaders(body, new Date(Date.now() - 6 * 60_000));
    expect((await harness.post('/v1/webhooks/slack', body, stale)).status).toBe(401);
    const wrongSecret = slackHeaders(body, new Date(), 'not-the-secret');
    expect((await harness.post('/v1/webhooks/slack', body, wrongSecret)).status).toBe(401);
    expect(await harness.inboundCount()).toBe(before);
  });

  it('answers 404 for a workspace no tenant connected, and 400 for a body it cannot read', async () => {
    const body = Buffer.from(
      fixture('slack', 'message_im_dm.json')
        .toString('utf8')
        .replaceAll('T043DB835ML', 'TUNKNOWN01'),
    );
    expect((await harness.post('/v1/webhooks/slack', body, slackHeaders(body))).status).toBe(404);
    const garbage = Buffer.from('{"type":"event_callback","team_id":');
    const response = await harness.post('/v1/webhooks/slack', garbage, slackHeaders(garbage));
    expect(response.status).toBe(400);
  });
});
