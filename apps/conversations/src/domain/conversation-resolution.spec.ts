import { decideResolution } from './conversation-resolution';

const now = new Date('2026-11-22T12:00:00Z');
const earlier = new Date('2026-11-22T09:30:00Z');

describe('decideResolution', () => {
  it.each(['open', 'pending', 'snoozed'] as const)('resolves a %s conversation now', (status) => {
    expect(decideResolution({ status, resolvedAt: null }, now)).toEqual({
      kind: 'resolve',
      resolvedAt: now,
    });
  });

  it('keeps the original moment of a conversation already resolved', () => {
    expect(decideResolution({ status: 'resolved', resolvedAt: earlier }, now)).toEqual({
      kind: 'already-resolved',
      resolvedAt: earlier,
    });
  });

  it('resolves (and so announces) one marked resolved without a moment', () => {
    expect(decideResolution({ status: 'resolved', resolvedAt: null }, now)).toEqual({
      kind: 'resolve',
      resolvedAt: now,
    });
  });
});
