import { issueVisitorToken } from '@switchboard/channels';
import { AuthenticateVisitorUseCase } from './authenticate-visitor.use-case';
import { WebchatErrorCode } from './webchat.exception';
import {
  ACCOUNT_ID,
  SITE_KEY,
  siteRepository,
  TENANT_ID,
  TOKEN_SECRET,
} from './testing/webchat-test-kit';

const NOW = new Date('2026-03-01T12:00:00.000Z');

describe('AuthenticateVisitorUseCase', () => {
  const useCase = new AuthenticateVisitorUseCase(
    siteRepository((accounts) =>
      accounts.add('webchat', 'site_second', { visitorTokenSecret: TOKEN_SECRET }),
    ),
  );
  const tokenFor = (site: string, now = NOW, secret = TOKEN_SECRET) =>
    issueVisitorToken({ site, visitor: 'v_visitor', now }, secret).token;

  it('opens a session for the site, tenant and visitor the token names', async () => {
    await expect(
      useCase.execute({ siteKey: SITE_KEY, token: tokenFor(SITE_KEY), now: NOW }),
    ).resolves.toEqual({
      tenantId: TENANT_ID,
      channelAccountId: ACCOUNT_ID,
      siteKey: SITE_KEY,
      visitorId: 'v_visitor',
      expiresAt: new Date('2026-03-31T12:00:00.000Z'),
    });
  });

  it('refuses an unknown site before looking at the token', async () => {
    await expect(
      useCase.execute({ siteKey: 'site_unknown', token: 'anything', now: NOW }),
    ).rejects.toMatchObject({ code: WebchatErrorCode.UnknownSite });
  });

  it.each([
    ['expired', tokenFor(SITE_KEY, new Date('2026-01-01T00:00:00.000Z')), 'expired'],
    ['signed with another secret', tokenFor(SITE_KEY, NOW, 'z'.repeat(40)), 'bad_signature'],
    ['issued for another site sharing the secret', tokenFor('site_second'), 'wrong_site'],
    ['not a token', 'hello', 'malformed'],
  ])('refuses a token %s, saying why', async (_name, token, problem) => {
    await expect(useCase.execute({ siteKey: SITE_KEY, token, now: NOW })).rejects.toMatchObject({
      code: WebchatErrorCode.InvalidVisitorToken,
      tokenProblem: problem,
    });
  });
});
