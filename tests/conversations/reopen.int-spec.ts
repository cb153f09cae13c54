import type { AnyEnvelope } from '@switchboard/contracts';
import { provisionTenant } from '@switchboard/db';
import { randomUUID } from 'node:crypto';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import { ChannelHarness } from '../support/channel-harness';

/** A customer writing again soon after resolution reopens the conversation; later, a new one. */
describe('Reopening resolved conversations', () => {
  let harness: ChannelHarness;
  let apiKey: string;
  let events: AnyEnvelope[] = [];

  beforeAll(async () => {
    harness = await ChannelHarness.start();
    ({ apiKey } = await provisionTenant(harness.gateway.runtime.dataSource, {
      slug: 'acme',
      name: 'Acme',
    }));
    events = await harness.observeConversationEvents();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const send = async (text: string) => {
    const messageId = randomUUID();
    const response = await harness.post(
      '/v1/channels/api/messages',
      JSON.stringify({ messageId, from: { id: 'customer-5' }, text }),
      { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    );
    expect(response.status).toBe(202);
    await waitFor(
      async () =>
        (await harness.query('SELECT 1 FROM messages WHERE provider_message_id = $1', [messageId]))
          .length === 1,
      text,
    );
    const [row] = await harness.query<{ conversation_id: string; status: string }>(
      `SELECT m.conversation_id, c.status FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE m.provider_message_id = $1`,
      [messageId],
    );
    return row;
  };

  const resolve = (conversationId: string, ago: string) =>
    harness.query(
      `UPDATE conversations SET status = 'resolved', resolved_at = now() - $2::interval WHERE id = $1`,
      [conversationId, ago],
    );

  it('reopens within the window and announces it; opens a new one after it', async () => {
    const first = await send('My parcel is late');
    await resolve(first.conversation_id, '1 hour');
    const again = await send('It still has not come');
    expect(again).toEqual({ conversation_id: first.conversation_id, status: 'open' });
    await waitFor(
      () => events.some((event) => event.type === 'conversation.reopened'),
      'conversation.reopened',
    );

    await resolve(first.conversation_id, '3 days');
    const later = await send('A new question');
    expect(later.conversation_id).not.toBe(first.conversation_id);
    expect(later.status).toBe('open');
  });
});
