import { verifyMetaSubscription } from './meta-subscription';

const TOKEN = 'my-verify-token';

function query(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const all: Record<string, string | undefined> = {
    'hub.mode': 'subscribe',
    'hub.verify_token': TOKEN,
    'hub.challenge': '1158201444',
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(all).filter((pair): pair is [string, string] => pair[1] !== undefined),
  );
}

describe('verifyMetaSubscription (the GET handshake)', () => {
  it('returns hub.challenge when mode is subscribe and the token matches', () => {
    expect(verifyMetaSubscription(query(), TOKEN)).toEqual({ ok: true, challenge: '1158201444' });
  });

  it.each([
    ['a wrong token', { 'hub.verify_token': 'my-verify-tokeN' }],
    ['a token prefix', { 'hub.verify_token': 'my-verify' }],
    ['a longer token', { 'hub.verify_token': `${TOKEN}x` }],
    ['no token', { 'hub.verify_token': undefined }],
    ['another mode', { 'hub.mode': 'unsubscribe' }],
    ['no mode', { 'hub.mode': undefined }],
    ['no challenge', { 'hub.challenge': undefined }],
    ['an empty challenge', { 'hub.challenge': '' }],
  ])('refuses %s', (_name, overrides) => {
    expect(verifyMetaSubscription(query(overrides), TOKEN)).toEqual({ ok: false });
  });

  it('refuses everything when no verify token is configured, even an empty one sent', () => {
    expect(verifyMetaSubscription(query({ 'hub.verify_token': '' }), '')).toEqual({ ok: false });
  });
});
