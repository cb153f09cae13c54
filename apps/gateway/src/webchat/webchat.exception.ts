import type { VisitorTokenProblem } from '@switchboard/channels';

export enum WebchatErrorCode {
  UnknownSite = 'unknown_site',
  SiteMisconfigured = 'site_misconfigured',
  InvalidVisitorToken = 'invalid_visitor_token',
  SessionExpired = 'session_expired',
  BusUnavailable = 'bus_unavailable',
}

/**
 * The web chat's failures. The HTTP filter and the socket edge each map a code to their own
 * transport (status, `connect_error`, ack); use cases never pick either.
 */
export class WebchatException extends Error {
  constructor(
    readonly code: WebchatErrorCode,
    message: string,
    readonly tokenProblem: VisitorTokenProblem | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WebchatException';
  }

  static unknownSite(siteKey: string): WebchatException {
    return new WebchatException(WebchatErrorCode.UnknownSite, `No web chat site ${siteKey}`);
  }

  static siteMisconfigured(siteKey: string): WebchatException {
    return new WebchatException(
      WebchatErrorCode.SiteMisconfigured,
      `Web chat site ${siteKey} has no usable visitorTokenSecret`,
    );
  }

  static invalidVisitorToken(problem: VisitorTokenProblem): WebchatException {
    return new WebchatException(
      WebchatErrorCode.InvalidVisitorToken,
      `The visitor token is not valid (${problem})`,
      problem,
    );
  }

  static sessionExpired(): WebchatException {
    return new WebchatException(
      WebchatErrorCode.SessionExpired,
      'The visitor token expired during the connection',
    );
  }

  static busUnavailable(cause: unknown): WebchatException {
    return new WebchatException(
      WebchatErrorCode.BusUnavailable,
      'The message could not be stored; retry later',
      null,
      { cause },
    );
  }
}
