import { ContractViolationError } from './contract-violation.error';
import { EVENT_CATALOG } from './event-catalog';
import { createEnvelope, decodeEnvelope, encodeEnvelope } from './event-codec';
import { contactTierSchema } from './events/conversation-events';
import { Topics } from './topics';

const tenantId = '5f0c6a8e-7d2b-4a53-9a53-0a3b9a1d2c11';
const conversationId = '9b1f1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4';
const contactId = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

const opened = () =>
  createEnvelope(
    'conversation.opened',
    { conversationId, contactId, channel: 'email', openedAt: '2026-11-22T10:00:00.000Z' },
    { tenantId, correlationId: 'corr-1', causationId: 'cause-1' },
  );

describe('event codec', () => {
  it('round-trips an envelope through bytes', () => {
    const envelope = opened();
    expect(decodeEnvelope(encodeEnvelope(envelope))).toEqual(envelope);
    expect(envelope).toMatchObject({ type: 'conversation.opened', schemaVersion: 1, tenantId });
  });

  it('refuses to build an event whose data breaks its schema', () => {
    expect(() =>
      createEnvelope(
        'conversation.opened',
        { conversationId: 'not-a-uuid', contactId, channel: 'email', openedAt: 'yesterday' },
        { tenantId, correlationId: 'c' },
      ),
    ).toThrow(/conversationId.*openedAt|conversationId/s);
  });

  it.each([
    ['not JSON', 'not json {', /not JSON/],
    ['an envelope without an id', JSON.stringify({ ...opened(), id: undefined }), /id/],
    [
      'an unknown event type',
      JSON.stringify({ ...opened(), type: 'conversation.exploded' }),
      /Unknown event type/,
    ],
    [
      'a future schema version',
      JSON.stringify({ ...opened(), schemaVersion: 2 }),
      /version.*expected 1/,
    ],
    [
      'data that breaks the schema',
      JSON.stringify({ ...opened(), data: { conversationId, channel: 'pigeon' } }),
      /contactId|channel/,
    ],
  ])('rejects %s with a contract violation naming the problem', (_case, bytes, problem) => {
    expect.assertions(2);
    try {
      decodeEnvelope(bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(ContractViolationError);
      expect((error as Error).message).toMatch(problem);
    }
  });
});

describe('storable text', () => {
  it('refuses text PostgreSQL cannot store, naming the field', () => {
    const base = {
      channel: 'api' as const,
      channelAccountId: null,
      providerMessageId: 'm1',
      sender: { externalId: 'c1', displayName: null, phone: null, email: null },
      threadRef: null,
      replyToProviderMessageId: null,
      html: null,
      attachments: [],
      location: null,
      email: null,
      sentAt: null,
      receivedAt: '2026-11-22T10:00:00.000Z',
      raw: {},
    };
    for (const text of ['a\u0000b', 'broken \ud800 surrogate']) {
      expect(() =>
        createEnvelope(
          'inbound.message_received',
          { ...base, text },
          { tenantId, correlationId: 'c' },
        ),
      ).toThrow(/text: contains a NUL character or broken Unicode/);
    }
  });
});

describe('conversation.resolved and contact.tier_changed', () => {
  const context = { tenantId, correlationId: 'corr-2' };
  const resolved = {
    conversationId,
    contactId,
    channel: 'sms' as const,
    resolvedAt: '2026-11-22T11:00:00.000Z',
    resolvedBy: 'agent:ada',
  };

  it('round-trip on the conversation events topic', () => {
    for (const envelope of [
      createEnvelope('conversation.resolved', resolved, context),
      createEnvelope(
        'contact.tier_changed',
        { contactId, tier: 'vip', changedAt: '2026-11-22T11:00:00.000Z' },
        context,
      ),
      createEnvelope(
        'contact.tier_changed',
        { contactId, tier: null, changedAt: '2026-11-22T11:00:00.000Z' },
        context,
      ),
    ]) {
      expect(decodeEnvelope(encodeEnvelope(envelope))).toEqual(envelope);
      expect(EVENT_CATALOG[envelope.type]).toMatchObject({
        version: 1,
        topic: Topics.conversationEvents,
      });
    }
  });

  it('refuses a resolution without who resolved it', () => {
    expect(() =>
      createEnvelope('conversation.resolved', { ...resolved, resolvedBy: '' }, context),
    ).toThrow(/resolvedBy/);
  });

  it.each(['VIP', 'gold tier', '', 'x'.repeat(41), 'é'])('refuses the tier %j', (tier) => {
    expect(() =>
      createEnvelope(
        'contact.tier_changed',
        { contactId, tier, changedAt: '2026-11-22T11:00:00.000Z' },
        context,
      ),
    ).toThrow(/tier/);
  });

  it.each(['vip', 'gold', 'tier-2', 'enterprise_plus', 'x'.repeat(40)])(
    'accepts the tier %j',
    (tier) => {
      expect(contactTierSchema.parse(tier)).toBe(tier);
    },
  );
});
