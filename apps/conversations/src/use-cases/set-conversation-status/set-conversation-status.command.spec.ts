import { setConversationStatusCommand } from './set-conversation-status.command';

const valid = {
  tenantId: '5f0c6a8e-7d2b-4a53-9a53-0a3b9a1d2c11',
  conversationId: '9b1f1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4',
  status: 'snoozed' as const,
  snoozedUntil: new Date('2026-11-23T09:00:00Z'),
  changedBy: 'ada',
  requestedAt: new Date('2026-11-22T12:00:00Z'),
  correlationId: 'corr-1',
};

describe('setConversationStatusCommand', () => {
  it('carries the tenant and has no causing event (it comes from a request)', () => {
    expect(setConversationStatusCommand(valid)).toEqual({ ...valid, causationEventId: null });
  });

  it.each(['open', 'pending', 'snoozed'] as const)('sets %s without an end', (status) => {
    expect(setConversationStatusCommand({ ...valid, status, snoozedUntil: null })).toMatchObject({
      status,
      snoozedUntil: null,
    });
  });

  it.each([
    ['a tenant that is not a uuid', { tenantId: 'acme' }, /tenantId/],
    ['a conversation that is not a uuid', { conversationId: '42' }, /conversationId/],
    ['resolving (its own endpoint)', { status: 'resolved' }, /status/],
    ['an end without a snooze', { status: 'pending' }, /snoozedUntil/],
    ['nobody changing it', { changedBy: '' }, /changedBy/],
  ])('refuses %s', (_case, change, field) => {
    expect(() =>
      setConversationStatusCommand({ ...valid, ...(change as Partial<typeof valid>) }),
    ).toThrow(field);
  });
});
