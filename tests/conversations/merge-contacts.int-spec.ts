import type { AnyEnvelope } from '@switchboard/contracts';
import { randomUUID } from 'node:crypto';
import { MergeContactsUseCase } from '../../apps/conversations/src/use-cases/merge-contacts/merge-contacts.use-case';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import { ChannelHarness } from '../support/channel-harness';
import { provisionTenant } from '@switchboard/db';

/** The audited merge of two contacts that turn out to be one person. */
describe('Merging contacts', () => {
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

  const send = async (fromId: string, text: string) => {
    const messageId = randomUUID();
    const response = await harness.post(
      '/v1/channels/api/messages',
      JSON.stringify({ messageId, from: { id: fromId }, text }),
      { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    );
    expect(response.status).toBe(202);
    await waitFor(
      async () =>
        (await harness.query('SELECT 1 FROM messages WHERE provider_message_id = $1', [messageId]))
          .length === 1,
      'the message',
    );
    const [row] = await harness.query<{ contact_id: string }>(
      'SELECT contact_id FROM messages WHERE provider_message_id = $1',
      [messageId],
    );
    return row.contact_id;
  };

  it('moves identities, conversations and messages to the survivor, records who merged, and announces it', async () => {
    const survivor = await send('crm-1', 'Hello from the CRM record');
    const duplicate = await send('shop-9', 'Hello from the shop account');
    expect(survivor).not.toBe(duplicate);
    const merge = harness.conversations.app.get(MergeContactsUseCase);
    const command = {
      tenantId: harness.tenantId,
      survivingContactId: survivor,
      mergedContactId: duplicate,
      mergedBy: 'agent:ada',
      reason: 'same customer, two systems',
      correlationId: 'merge-1',
    };
    expect(await merge.execute(command)).toBe('merged');
    expect(await merge.execute(command)).toBe('already-merged');

    const owners = await harness.query<{ contact_id: string }>(
      'SELECT DISTINCT contact_id FROM contact_identities WHERE tenant_id = $1',
      [harness.tenantId],
    );
    expect(owners).toEqual([{ contact_id: survivor }]);
    const [{ conversations }] = await harness.query<{ conversations: number }>(
      'SELECT count(*)::int AS conversations FROM conversations WHERE contact_id = $1',
      [survivor],
    );
    expect(conversations).toBe(2);
    const [audit] = await harness.query('SELECT merged_by, reason FROM contact_merges');
    expect(audit).toEqual({ merged_by: 'agent:ada', reason: 'same customer, two systems' });
    await waitFor(() => events.some((event) => event.type === 'contact.merged'), 'contact.merged');

    // The merged record's identity now leads to the survivor.
    expect(await send('shop-9', 'Still me')).toBe(survivor);
  });
});
