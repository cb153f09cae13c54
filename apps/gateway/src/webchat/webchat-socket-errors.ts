import { assertUnreachable } from '@switchboard/contracts';
import type {
  PayloadResult,
  VisitorTokenProblem,
  WebchatConnectErrorCode,
  WebchatInvalid,
  WebchatMessageAck,
} from '@switchboard/channels';
import { WebchatErrorCode, WebchatException } from './webchat.exception';

/** Why a connection was refused, as the client sees it in `connect_error`. */
export interface WebchatConnectRefusal {
  code: WebchatConnectErrorCode;
  message: string;
  /** False for faults on our side, which are logged as errors. */
  expected: boolean;
}

const TOKEN_PROBLEMS: Record<VisitorTokenProblem, { code: WebchatConnectErrorCode; says: string }> =
  {
    malformed: { code: 'token_malformed', says: 'the visitor token is malformed' },
    bad_signature: {
      code: 'token_bad_signature',
      says: 'the visitor token signature does not match (altered, or from another site)',
    },
    wrong_site: { code: 'token_wrong_site', says: 'the visitor token was issued for another site' },
    expired: { code: 'token_expired', says: 'the visitor token expired; start a new session' },
    not_yet_valid: { code: 'token_not_yet_valid', says: 'the visitor token is not valid yet' },
  };

/** The handshake `auth` was missing a field. */
export function authRequired(field: string, problem: string): WebchatConnectRefusal {
  return {
    code: 'auth_required',
    message: `auth_required: handshake auth.${field} is required (${problem})`,
    expected: true,
  };
}

/** Maps a failure to open a session to its `connect_error`; the only place that does. */
export function connectRefusal(error: unknown): WebchatConnectRefusal {
  if (!(error instanceof WebchatException)) {
    return {
      code: 'unavailable',
      message: 'unavailable: the web chat cannot check visitors right now; retry later',
      expected: false,
    };
  }
  switch (error.code) {
    case WebchatErrorCode.UnknownSite:
      return { code: 'unknown_site', message: `unknown_site: ${error.message}`, expected: true };
    case WebchatErrorCode.SiteMisconfigured:
      return {
        code: 'site_misconfigured',
        message: 'site_misconfigured: this site is not set up for web chat',
        expected: false,
      };
    case WebchatErrorCode.InvalidVisitorToken: {
      const { code, says } = TOKEN_PROBLEMS[error.tokenProblem ?? 'malformed'];
      return { code, message: `${code}: ${says}`, expected: true };
    }
    case WebchatErrorCode.SessionExpired:
      return {
        code: 'token_expired',
        message: `token_expired: ${TOKEN_PROBLEMS.expired.says}`,
        expected: true,
      };
    case WebchatErrorCode.BusUnavailable:
      return {
        code: 'unavailable',
        message: 'unavailable: the web chat cannot check visitors right now; retry later',
        expected: false,
      };
    default:
      return assertUnreachable(error.code);
  }
}

/** The error object socket.io sends as `connect_error`: `message` and `data.code`. */
export function toConnectError(refusal: WebchatConnectRefusal): Error & {
  data: { code: WebchatConnectErrorCode };
} {
  return Object.assign(new Error(refusal.message), { data: { code: refusal.code } });
}

/** Maps a failure to send a message to its ack; the only place that does. */
export function failedMessageAck(error: unknown): WebchatMessageAck {
  if (error instanceof WebchatException) {
    switch (error.code) {
      case WebchatErrorCode.BusUnavailable:
        return { ok: false, error: 'unavailable', retry: true };
      case WebchatErrorCode.SessionExpired:
        return { ok: false, error: 'session_expired', retry: false };
      case WebchatErrorCode.UnknownSite:
      case WebchatErrorCode.SiteMisconfigured:
      case WebchatErrorCode.InvalidVisitorToken:
        return { ok: false, error: 'internal', retry: false };
      default:
        return assertUnreachable(error.code);
    }
  }
  // Anything else is a fault of ours (the payload was validated): resending will not help.
  return { ok: false, error: 'internal', retry: false };
}

/** A payload the client must fix before resending. */
export function invalidPayload(result: PayloadResult<unknown> & { ok: false }): WebchatInvalid {
  return {
    ok: false,
    error: 'invalid',
    field: result.field,
    message: `${result.field}: ${result.problem}`,
  };
}
