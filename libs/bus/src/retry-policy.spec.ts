import { backoffMs } from './retry-policy';

describe('backoffMs', () => {
  const options = { initialBackoffMs: 100, maxBackoffMs: 1_000 };

  it('doubles with each attempt', () => {
    expect(backoffMs(1, options, () => 1)).toBe(100);
    expect(backoffMs(2, options, () => 1)).toBe(200);
    expect(backoffMs(3, options, () => 1)).toBe(400);
  });

  it('never exceeds the cap', () => {
    expect(backoffMs(30, options, () => 1)).toBe(1_000);
  });

  it('keeps at least half of the delay when jittered', () => {
    expect(backoffMs(2, options, () => 0)).toBe(100);
  });
});
