import { decideThread, threadKeyOf, type ThreadCandidates } from './conversation-routing';

const now = new Date('2026-11-22T12:00:00Z');
const hour = 3_600_000;
const none: ThreadCandidates = { referenced: null, active: null, lastResolved: null };

describe('decideThread', () => {
  it('opens a conversation when the contact has none', () => {
    expect(decideThread(none, now, hour)).toEqual({ kind: 'open' });
  });

  it('joins the open conversation', () => {
    expect(decideThread({ ...none, active: { id: 'c1', status: 'open' } }, now, hour)).toEqual({
      kind: 'join',
      conversationId: 'c1',
      wakesUp: false,
    });
  });

  it.each(['pending', 'snoozed'] as const)('wakes a %s conversation', (status) => {
    expect(decideThread({ ...none, active: { id: 'c1', status } }, now, hour)).toMatchObject({
      kind: 'join',
      wakesUp: true,
    });
  });

  it('reopens a conversation resolved within the window, not one resolved before it', () => {
    const recent = { id: 'c1', resolvedAt: new Date(now.getTime() - hour + 1) };
    const old = { id: 'c1', resolvedAt: new Date(now.getTime() - hour - 1) };
    expect(decideThread({ ...none, lastResolved: recent }, now, hour)).toEqual({
      kind: 'reopen',
      conversationId: 'c1',
    });
    expect(decideThread({ ...none, lastResolved: old }, now, hour)).toEqual({ kind: 'open' });
  });

  it('follows an explicit reference first (an email reply)', () => {
    const candidates: ThreadCandidates = {
      referenced: { id: 'email-thread', status: 'pending' },
      active: { id: 'other', status: 'open' },
      lastResolved: null,
    };
    expect(decideThread(candidates, now, hour)).toEqual({
      kind: 'join',
      conversationId: 'email-thread',
      wakesUp: true,
    });
  });

  it('reopens a referenced resolved conversation, whatever its age, unless the thread has an open one', () => {
    const old = { id: 'old-thread', status: 'resolved' as const };
    expect(decideThread({ ...none, referenced: old }, now, hour)).toEqual({
      kind: 'reopen',
      conversationId: 'old-thread',
    });
    expect(
      decideThread(
        { ...none, referenced: old, active: { id: 'open-one', status: 'open' } },
        now,
        hour,
      ),
    ).toMatchObject({ kind: 'join', conversationId: 'open-one' });
  });

  it('names email threads by their first message', () => {
    const email = (references: string[], inReplyTo: string[], messageId: string | null) => ({
      threadRef: null,
      email: { references, inReplyTo, messageId },
    });
    expect(threadKeyOf(email(['root@x', 'second@x'], ['second@x'], 'third@x'))).toBe('root@x');
    expect(threadKeyOf(email([], ['parent@x'], 'child@x'))).toBe('parent@x');
    expect(threadKeyOf(email([], [], 'new@x'))).toBe('new@x');
    expect(threadKeyOf({ threadRef: '1700000000.000100', email: null })).toBe('1700000000.000100');
    expect(threadKeyOf({ threadRef: null, email: null })).toBe('');
  });
});
