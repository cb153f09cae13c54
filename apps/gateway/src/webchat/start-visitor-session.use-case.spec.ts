import { verifyVisitorToken } from '@switchboard/channels';
import { StartVisitorSessionUseCase } from './start-visitor-session.use-case';
import { WebchatErrorCode } from './webchat.exception';
import { SITE_KEY, siteRepository, TOKEN_SECRET } from './testing/webchat-test-kit';

const NOW = new Date('2026-03-01T12:00:00.000Z');

describe('StartVisitorSessionUseCase', () => {
  const useCase = (ttlSeconds?: number) =>
    new StartVisitorSessionUseCase(
      siteRepository((accounts) => {
        accounts.add('webchat', 'site_nokey', { visitorTokenSecret: 'short' });
        accounts.add('telegram', 'site_other_channel', { visitorTokenSecret: TOKEN_SECRET });
      }),
      { secretsKey: 'unused', visitorTokenTtlSeconds: ttlSeconds },
      (size) => Buffer.alloc(size, 0xab),
    );

  it('creates a visitor with a random id and a 30-day token signed with the site secret', async () => {
    const session = await useCase().execute({ siteKey: SITE_KEY, now: NOW });
    expect(session.visitorId).toBe('v_q6urq6urq6urq6urq6urqw');
    expect(session.expiresAt).toEqual(new Date('2026-03-31T12:00:00.000Z'));
    expect(verifyVisitorToken(session.token, TOKEN_SECRET, { site: SITE_KEY, now: NOW })).toEqual({
      ok: true,
      claims: {
        site: SITE_KEY,
        visitor: session.visitorId,
        iat: NOW.getTime() / 1000,
        exp: session.expiresAt.getTime() / 1000,
      },
    });
  });

  it('honours a configured token lifetime', async () => {
    const session = await useCase(3600).execute({ siteKey: SITE_KEY, now: NOW });
    expect(session.expiresAt).toEqual(new Date('2026-03-01T13:00:00.000Z'));
  });

  it.each([
    ['an unknown site', 'site_unknown'],
    ['an account of another channel', 'site_other_channel'],
    ['a key that is not a site key', '../site_abc123'],
  ])('refuses %s as unknown', async (_name, siteKey) => {
    await expect(useCase().execute({ siteKey, now: NOW })).rejects.toMatchObject({
      code: WebchatErrorCode.UnknownSite,
    });
  });

  it('refuses a site provisioned without a usable token secret', async () => {
    await expect(useCase().execute({ siteKey: 'site_nokey', now: NOW })).rejects.toMatchObject({
      code: WebchatErrorCode.SiteMisconfigured,
    });
  });
});
