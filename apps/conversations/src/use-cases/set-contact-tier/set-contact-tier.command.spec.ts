import { setContactTierCommand } from './set-contact-tier.command';

const valid = {
  tenantId: '5f0c6a8e-7d2b-4a53-9a53-0a3b9a1d2c11',
  contactId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  tier: 'vip',
  requestedAt: new Date('2026-11-22T12:00:00Z'),
  correlationId: 'corr-1',
};

describe('setContactTierCommand', () => {
  it.each(['vip', null])('accepts the tier %j and carries the tenant', (tier) => {
    expect(setContactTierCommand({ ...valid, tier })).toEqual({
      ...valid,
      tier,
      causationEventId: null,
    });
  });

  it.each([
    ['a tier the database would refuse', { tier: 'V.I.P.' }, /tier/],
    ['a contact that is not a uuid', { contactId: 'c-1' }, /contactId/],
    ['no tenant', { tenantId: '' }, /tenantId/],
  ])('refuses %s', (_case, change, field) => {
    expect(() => setContactTierCommand({ ...valid, ...change })).toThrow(field);
  });
});
