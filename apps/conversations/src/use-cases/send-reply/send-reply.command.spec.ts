import { sendReplyCommand } from './send-reply.command';

const valid = {
  tenantId: '5f0c6a8e-7d2b-4a53-9a53-0a3b9a1d2c11',
  conversationId: '9b1f1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4',
  agentId: 'ada',
  text: 'On its way',
  clientMessageId: 'draft-1',
  raw: { agentId: 'ada', text: 'On its way', clientMessageId: 'draft-1' },
  requestedAt: new Date('2026-11-22T12:00:00Z'),
  correlationId: 'corr-1',
};

describe('sendReplyCommand', () => {
  it.each(['draft-1', null])(
    'carries the tenant and has no causing event (client id %j)',
    (clientMessageId) => {
      expect(sendReplyCommand({ ...valid, clientMessageId })).toEqual({
        ...valid,
        clientMessageId,
        causationEventId: null,
      });
    },
  );

  it.each([
    ['a tenant that is not a uuid', { tenantId: 'acme' }, /tenantId/],
    ['a conversation that is not a uuid', { conversationId: '42' }, /conversationId/],
    ['an agent that is not a routing id', { agentId: 'agent:ada' }, /agentId/],
    ['an empty reply', { text: '' }, /text/],
    ['an empty client id', { clientMessageId: '' }, /clientMessageId/],
  ])('refuses %s', (_case, change, field) => {
    expect(() => sendReplyCommand({ ...valid, ...change })).toThrow(field);
  });
});
