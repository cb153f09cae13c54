import { senderIdentities } from './sender-identities';

const sender = (overrides: Partial<Parameters<typeof senderIdentities>[1]> = {}) => ({
  externalId: 'x',
  displayName: null,
  phone: null,
  email: null,
  ...overrides,
});

describe('senderIdentities', () => {
  it('gives SMS and WhatsApp senders the same E.164 phone identity', () => {
    const sms = senderIdentities(
      'sms',
      sender({ externalId: '+1 (415) 555-2671', phone: '+14155552671' }),
    );
    const whatsapp = senderIdentities('whatsapp', sender({ externalId: '+14155552671' }));
    const cloud = senderIdentities('whatsapp_cloud', sender({ externalId: '14155552671' }));
    expect(sms).toEqual([{ kind: 'phone', address: '+14155552671' }]);
    expect(whatsapp).toEqual(sms);
    expect(cloud).toEqual(sms);
  });

  it('lower-cases email addresses', () => {
    expect(senderIdentities('email', sender({ externalId: 'Ada@Example.COM' }))).toEqual([
      { kind: 'email', address: 'ada@example.com' },
    ]);
  });

  it('scopes provider ids by channel and keeps their case', () => {
    expect(senderIdentities('slack', sender({ externalId: 'U024BE7LH' }))).toEqual([
      { kind: 'provider', address: 'slack:U024BE7LH' },
    ]);
  });

  it('adds the phone and email a sender vouches for, after its own id', () => {
    expect(
      senderIdentities(
        'api',
        sender({ externalId: 'crm-7', phone: '+447911123456', email: 'A@b.io' }),
      ),
    ).toEqual([
      { kind: 'provider', address: 'api:crm-7' },
      { kind: 'phone', address: '+447911123456' },
      { kind: 'email', address: 'a@b.io' },
    ]);
  });

  it('falls back to the provider id when an SMS sender is not a valid number (short codes)', () => {
    expect(senderIdentities('sms', sender({ externalId: '40404' }))).toEqual([
      { kind: 'provider', address: 'sms:40404' },
    ]);
  });
});
