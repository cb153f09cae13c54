import { ContractViolationError } from '@switchboard/contracts';
import { WebchatException } from './webchat.exception';
import {
  authRequired,
  connectRefusal,
  failedMessageAck,
  invalidPayload,
  toConnectError,
} from './webchat-socket-errors';

describe('web chat socket errors', () => {
  it.each([
    ['malformed', 'token_malformed'],
    ['bad_signature', 'token_bad_signature'],
    ['wrong_site', 'token_wrong_site'],
    ['expired', 'token_expired'],
    ['not_yet_valid', 'token_not_yet_valid'],
  ] as const)('refuses a %s token with %s, named in the message', (problem, code) => {
    const refusal = connectRefusal(WebchatException.invalidVisitorToken(problem));
    expect(refusal).toMatchObject({ code, expected: true });
    expect(refusal.message.startsWith(`${code}: `)).toBe(true);
  });

  it('names the unknown site, and treats other failures as ours', () => {
    expect(connectRefusal(WebchatException.unknownSite('site_x'))).toEqual({
      code: 'unknown_site',
      message: 'unknown_site: No web chat site site_x',
      expected: true,
    });
    expect(connectRefusal(WebchatException.siteMisconfigured('site_x'))).toMatchObject({
      code: 'site_misconfigured',
      expected: false,
    });
    expect(connectRefusal(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toMatchObject({
      code: 'unavailable',
      expected: false,
    });
  });

  it('builds the error socket.io sends as connect_error', () => {
    const error = toConnectError(authRequired('token', 'Invalid input'));
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('auth_required: handshake auth.token is required (Invalid input)');
    expect(error.data).toEqual({ code: 'auth_required' });
  });

  it('asks for a resend only when the bus was unavailable', () => {
    expect(failedMessageAck(WebchatException.busUnavailable(new Error('down')))).toEqual({
      ok: false,
      error: 'unavailable',
      retry: true,
    });
    expect(failedMessageAck(WebchatException.sessionExpired())).toEqual({
      ok: false,
      error: 'session_expired',
      retry: false,
    });
    expect(failedMessageAck(new ContractViolationError('bug', ['text: x']))).toEqual({
      ok: false,
      error: 'internal',
      retry: false,
    });
  });

  it('names the invalid field', () => {
    expect(invalidPayload({ ok: false, field: 'text', problem: 'Too big' })).toEqual({
      ok: false,
      error: 'invalid',
      field: 'text',
      message: 'text: Too big',
    });
  });
});
