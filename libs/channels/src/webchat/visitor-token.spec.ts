import {
  issueVisitorToken,
  signVisitorToken,
  verifyVisitorToken,
  VISITOR_TOKEN_TTL_SECONDS,
} from './visitor-token';

const SECRET = 'k'.repeat(40);
const NOW = new Date('2026-03-01T12:00:00.000Z');
const NOW_S = NOW.getTime() / 1000;
const at = (seconds: number) => new Date((NOW_S + seconds) * 1000);

const issue = (overrides: Partial<{ site: string; visitor: string; ttlSeconds: number }> = {}) =>
  issueVisitorToken({ site: 'site_abc123', visitor: 'v_visitor', now: NOW, ...overrides }, SECRET);

const verify = (token: unknown, options: { site?: string; now?: Date; secret?: string } = {}) =>
  verifyVisitorToken(token, options.secret ?? SECRET, {
    site: options.site ?? 'site_abc123',
    now: options.now ?? NOW,
  });

/** Re-encodes the token's claims without re-signing: what a forger without the secret can do. */
function withClaims(token: string, change: (claims: Record<string, unknown>) => void): string {
  const [version, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  change(claims);
  return [version, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

describe('visitor tokens', () => {
  it('round-trips the site, visitor and a 30-day validity', () => {
    const { token, claims, expiresAt } = issue();
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(claims).toEqual({
      site: 'site_abc123',
      visitor: 'v_visitor',
      iat: NOW_S,
      exp: NOW_S + VISITOR_TOKEN_TTL_SECONDS,
    });
    expect(VISITOR_TOKEN_TTL_SECONDS).toBe(30 * 24 * 3600);
    expect(expiresAt).toEqual(at(VISITOR_TOKEN_TTL_SECONDS));
    expect(verify(token)).toEqual({ ok: true, claims });
  });

  it('carries its claims as base64url JSON that anyone can read, but not change', () => {
    const { token } = issue();
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    expect(payload).toEqual({
      site: 'site_abc123',
      visitor: 'v_visitor',
      iat: NOW_S,
      exp: NOW_S + VISITOR_TOKEN_TTL_SECONDS,
    });
  });

  it('rejects changed claims: another visitor, a later expiry', () => {
    const { token } = issue();
    const otherVisitor = withClaims(token, (claims) => (claims.visitor = 'v_someone_else'));
    const longer = withClaims(token, (claims) => (claims.exp = NOW_S + 10 * 365 * 86400));
    expect(verify(otherVisitor)).toEqual({ ok: false, problem: 'bad_signature' });
    expect(verify(longer)).toEqual({ ok: false, problem: 'bad_signature' });
  });

  it('rejects a changed signature, including a flipped last character', () => {
    const { token } = issue();
    const last = token.at(-1);
    const flipped = `${token.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`;
    expect(verify(flipped)).toEqual({ ok: false, problem: 'bad_signature' });
    const [version, payload] = token.split('.');
    expect(verify(`${version}.${payload}.${'A'.repeat(43)}`)).toEqual({
      ok: false,
      problem: 'bad_signature',
    });
  });

  it('rejects a token signed with another secret (another site, or a rotated key)', () => {
    const { token } = issue();
    expect(verify(token, { secret: 'x'.repeat(40) })).toEqual({
      ok: false,
      problem: 'bad_signature',
    });
  });

  it('rejects a genuine token presented to another site', () => {
    const { token } = issue({ site: 'site_other' });
    expect(verify(token)).toEqual({ ok: false, problem: 'wrong_site' });
  });

  it('expires exactly at exp', () => {
    const { token } = issue({ ttlSeconds: 3600 });
    expect(verify(token, { now: at(3599) }).ok).toBe(true);
    expect(verify(token, { now: at(3600) })).toEqual({ ok: false, problem: 'expired' });
    expect(verify(token, { now: at(VISITOR_TOKEN_TTL_SECONDS) })).toEqual({
      ok: false,
      problem: 'expired',
    });
  });

  it('tolerates a minute of clock skew, not more', () => {
    const { token } = issue();
    expect(verify(token, { now: at(-60) }).ok).toBe(true);
    expect(verify(token, { now: at(-61) })).toEqual({ ok: false, problem: 'not_yet_valid' });
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['an empty string', ''],
    ['a JWT-shaped string', 'eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl'],
    ['an unknown version', 'v2.e30.' + 'A'.repeat(43)],
    ['a short signature', 'v1.e30.' + 'A'.repeat(42)],
    ['padding', 'v1.e30=.' + 'A'.repeat(43)],
    ['a huge token', `v1.${'A'.repeat(5_000)}.${'A'.repeat(43)}`],
  ])('calls %s malformed', (_name, token) => {
    expect(verify(token)).toEqual({ ok: false, problem: 'malformed' });
  });

  it('calls signed but unusable claims malformed', () => {
    const sign = (claims: unknown) => signVisitorToken(claims as never, SECRET);
    expect(verify(sign({ site: 'site_abc123', visitor: 'v', iat: NOW_S }))).toEqual({
      ok: false,
      problem: 'malformed',
    });
    expect(verify(sign({ site: 'site_abc123', visitor: 'v', iat: NOW_S, exp: NOW_S }))).toEqual({
      ok: false,
      problem: 'malformed',
    });
    expect(verify(sign({ site: 'site_abc123', visitor: '', iat: 1.5, exp: 9e9 }))).toEqual({
      ok: false,
      problem: 'malformed',
    });
  });
});
