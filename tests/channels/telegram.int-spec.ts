import { waitFor } from '../../libs/bus/src/testing/wait-for';
import { ChannelHarness, fixture } from '../support/channel-harness';

const SECRET = 'telegram-secret-token_for-tests';

/** Telegram Bot API webhooks end to end. */
describe('Telegram channel end to end', () => {
  let harness: ChannelHarness;

  beforeAll(async () => {
    harness = await ChannelHarness.start();
    await harness.connect('telegram', 'support-bot', { secretToken: SECRET });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const post = (body: Buffer, secret: string | null = SECRET, bot = 'support-bot') =>
    harness.post(`/v1/webhooks/telegram/${bot}`, body, {
      'content-type': 'application/json',
      ...(secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret }),
    });

  const stored = async (providerMessageId: string) => {
    const [row] = await harness.query<Record<string, unknown>>(
      `SELECT m.text, m.edited_at, m.reply_to_provider_message_id, ct.display_name,
              (SELECT array_agg(kind || ':' || address) FROM contact_identities
                WHERE contact_id = m.contact_id) AS identities
         FROM messages m JOIN contacts ct ON ct.id = m.contact_id
        WHERE m.provider_message_id = $1`,
      [providerMessageId],
    );
    return row;
  };

  it('stores a private message with the sender as a Telegram identity', async () => {
    expect((await post(fixture('telegram', 'update_message_private_text.json'))).status).toBe(200);
    await waitFor(async () => !!(await stored('12345678:11223')), 'the message');
    expect(await stored('12345678:11223')).toMatchObject({
      text: 'Hi, world!',
      display_name: 'FirstName LastName',
      identities: ['provider:telegram:12345678'],
    });
  });

  it('stores a reply and applies its later edit', async () => {
    expect((await post(fixture('telegram', 'update_reply_to_message.json'))).status).toBe(200);
    await waitFor(async () => !!(await stored('12345678:12345')), 'the reply');
    expect((await stored('12345678:12345')).reply_to_provider_message_id).toBe('12345678:12345');
    // The sample edit reuses the reply's update_id; a real Telegram update would not.
    const edit = Buffer.from(
      fixture('telegram', 'update_edited_message.json')
        .toString('utf8')
        .replace('123456789', '123456790'),
    );
    expect((await post(edit)).status).toBe(200);
    await waitFor(async () => (await stored('12345678:12345')).edited_at !== null, 'the edit');
    expect((await stored('12345678:12345')).text).toBe('hi there (edited)');
  });

  it('accepts a replayed update once', async () => {
    const body = fixture('telegram', 'update_message_private_text.json');
    const before = await harness.inboundCount();
    expect((await post(body)).status).toBe(200);
    expect(await harness.inboundCount()).toBe(before);
  });

  it('rejects a missing secret with 401 and a wrong one with 403; an unknown bot is 404', async () => {
    const before = await harness.inboundCount();
    const body = fixture('telegram', 'update_message_private_text.json');
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, 'wrong-secret')).status).toBe(403);
    expect((await post(body, SECRET, 'other-bot')).status).toBe(404);
    expect(await harness.inboundCount()).toBe(before);
  });
});
