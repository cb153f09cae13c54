import fc from 'fast-check';
import { DELIVERY_STATUSES, type DeliveryStatus } from '@switchboard/contracts';
import { nextDeliveryStatus } from './delivery-status';

function apply(reports: DeliveryStatus[]): DeliveryStatus | null {
  let current: DeliveryStatus | null = null;
  for (const reported of reports) current = nextDeliveryStatus(current, reported) ?? current;
  return current;
}

describe('nextDeliveryStatus', () => {
  it('moves forward and ignores stale reports', () => {
    expect(apply(['queued', 'sent', 'delivered', 'read'])).toBe('read');
    expect(apply(['delivered', 'sent', 'queued'])).toBe('delivered');
    expect(nextDeliveryStatus('read', 'delivered')).toBeNull();
    expect(nextDeliveryStatus('sent', 'sent')).toBeNull();
  });

  it('lets a late delivery or read report override a failure', () => {
    expect(apply(['sent', 'failed', 'delivered'])).toBe('delivered');
    expect(apply(['sent', 'undelivered', 'read'])).toBe('read');
    expect(apply(['delivered', 'failed'])).toBe('delivered');
  });

  it('ends in the same status whatever order the reports arrive in', () => {
    const status = fc.constantFrom(...DELIVERY_STATUSES);
    fc.assert(
      fc.property(fc.array(status, { minLength: 1, maxLength: 8 }), (reports) => {
        const shuffled = [...reports].reverse();
        const sorted = [...reports].sort();
        const outcomes = new Set([apply(reports), apply(shuffled), apply(sorted)]);
        // Ties (failed vs undelivered) may differ by order; anything else must agree.
        if (outcomes.size > 1) {
          expect(
            [...outcomes].every((outcome) => outcome === 'failed' || outcome === 'undelivered'),
          ).toBe(true);
        }
      }),
    );
  });
});
