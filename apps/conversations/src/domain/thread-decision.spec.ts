import { decideThread } from './thread-decision';

describe('decideThread', () => {
  it('opens a conversation when the contact has none on that thread', () => {
    expect(decideThread(null)).toEqual({ kind: 'open' });
  });

  it('joins the open conversation', () => {
    expect(decideThread({ id: 'c1', status: 'open' })).toEqual({
      kind: 'join',
      conversationId: 'c1',
      wakesUp: false,
    });
  });

  it.each(['pending', 'snoozed'] as const)(
    'wakes a %s conversation when the customer writes',
    (status) => {
      expect(decideThread({ id: 'c1', status })).toEqual({
        kind: 'join',
        conversationId: 'c1',
        wakesUp: true,
      });
    },
  );
});
