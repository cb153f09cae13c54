import { transferConversationCommand } from './transfer-conversation.command';

const valid = {
  tenantId: '5f0c6a8e-7d2b-4a53-9a53-0a3b9a1d2c11',
  conversationId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
};

describe('transferConversationCommand', () => {
  it.each([{ agentId: 'ada' }, { queueId: 'billing' }])('takes one target: %j', (to) => {
    expect(transferConversationCommand({ ...valid, to })).toEqual({ ...valid, to });
  });

  it('refuses both targets at once, and a conversation that is not a uuid', () => {
    expect(() =>
      transferConversationCommand({
        ...valid,
        to: { agentId: 'ada', queueId: 'billing' } as unknown as { agentId: string },
      }),
    ).toThrow();
    expect(() =>
      transferConversationCommand({ ...valid, conversationId: 'c-1', to: { agentId: 'ada' } }),
    ).toThrow(/conversationId/);
  });
});
