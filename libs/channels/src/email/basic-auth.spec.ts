import { verifyBasicAuth } from './basic-auth';
import { basicAuthorization, emailRequest } from './testing/email-requests';

const SECRETS = { basicAuthUser: 'sendgrid', basicAuthPassword: 'pa:ss wörd' };

function verify(authorization?: string, secrets = SECRETS): ReturnType<typeof verifyBasicAuth> {
  const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
  return verifyBasicAuth(emailRequest(Buffer.alloc(0), headers), secrets);
}

describe('verifyBasicAuth', () => {
  it('accepts the configured credentials (a colon in the password included)', () => {
    expect(verify(basicAuthorization('sendgrid', 'pa:ss wörd'))).toEqual({ ok: true });
    expect(verify(`basic   ${Buffer.from('sendgrid:pa:ss wörd').toString('base64')}`)).toEqual({
      ok: true,
    });
  });

  it('answers 401 when no Basic credentials are sent', () => {
    expect(verify()).toMatchObject({ ok: false, status: 401 });
    expect(verify('Bearer abc')).toMatchObject({ ok: false, status: 401 });
    expect(verify('Basic not base64!')).toMatchObject({ ok: false, status: 401 });
  });

  it('answers 403 to wrong credentials', () => {
    expect(verify(basicAuthorization('sendgrid', 'wrong'))).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(verify(basicAuthorization('other', 'pa:ss wörd'))).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(verify(basicAuthorization('sendgrid', ''))).toMatchObject({ ok: false, status: 403 });
    expect(verify('Basic ')).toMatchObject({ ok: false, status: 403 });
  });

  it('never accepts anything when the account has no credentials configured', () => {
    const empty = { basicAuthUser: '', basicAuthPassword: '' };
    expect(verify(basicAuthorization('', ''), empty)).toMatchObject({ ok: false, status: 403 });
  });
});
