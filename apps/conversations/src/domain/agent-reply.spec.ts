import {
  clientReplyProviderMessageId,
  decideReply,
  outboundProviderMessageId,
  type StoredReply,
} from './agent-reply';

const conversation = { id: 'c-1', status: 'open' as const };
const sentAt = new Date('2026-11-22T12:00:00Z');
const stored: StoredReply = {
  id: 'm-1',
  conversationId: 'c-1',
  direction: 'outbound',
  sentAt,
  receivedAt: sentAt,
};

describe('outboundProviderMessageId', () => {
  it("is the client's id when it sent one, so a retry finds the first reply", () => {
    expect(outboundProviderMessageId('m-1', 'draft-7')).toBe('client:draft-7');
    expect(clientReplyProviderMessageId('draft-7')).toBe('client:draft-7');
  });

  it('is our message id otherwise, never mistaken for a client id', () => {
    expect(outboundProviderMessageId('m-1', null)).toBe('switchboard:m-1');
    expect(outboundProviderMessageId('m-1', null)).not.toBe(outboundProviderMessageId('x', 'm-1'));
  });
});

describe('decideReply', () => {
  it.each(['open', 'pending', 'snoozed'] as const)(
    'stores a reply to a %s conversation',
    (status) => {
      expect(decideReply({ ...conversation, status }, null)).toEqual({ kind: 'store' });
    },
  );

  it('refuses a resolved conversation', () => {
    expect(decideReply({ ...conversation, status: 'resolved' }, null)).toEqual({
      kind: 'resolved',
    });
  });

  it.each(['open', 'resolved'] as const)(
    'answers a retry with the first reply, even once the conversation is %s',
    (status) => {
      expect(decideReply({ ...conversation, status }, stored)).toEqual({
        kind: 'duplicate',
        messageId: 'm-1',
        sentAt,
      });
    },
  );

  it.each([
    ['a reply in another conversation', { conversationId: 'c-2' }],
    ["a customer's message", { direction: 'inbound' as const }],
  ])('refuses a client id already naming %s', (_case, change) => {
    expect(decideReply(conversation, { ...stored, ...change })).toEqual({
      kind: 'client-id-taken',
    });
  });
});
