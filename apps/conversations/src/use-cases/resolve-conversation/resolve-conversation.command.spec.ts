import { resolveConversationCommand } from './resolve-conversation.command';

const valid = {
  tenantId: '5f0c6a8e-7d2b-4a53-9a53-0a3b9a1d2c11',
  conversationId: '9b1f1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4',
  resolvedBy: 'agent:ada',
  requestedAt: new Date('2026-11-22T12:00:00Z'),
  correlationId: 'corr-1',
};

describe('resolveConversationCommand', () => {
  it('carries the tenant and has no causing event (it comes from a request)', () => {
    expect(resolveConversationCommand(valid)).toEqual({ ...valid, causationEventId: null });
  });

  it.each([
    ['a tenant that is not a uuid', { tenantId: 'acme' }, /tenantId/],
    ['a conversation that is not a uuid', { conversationId: '42' }, /conversationId/],
    ['nobody resolving it', { resolvedBy: '' }, /resolvedBy/],
  ])('refuses %s', (_case, change, field) => {
    expect(() => resolveConversationCommand({ ...valid, ...change })).toThrow(field);
  });
});
