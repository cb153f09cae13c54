export enum GatewayErrorCode {
  BusUnavailable = 'bus_unavailable',
  UnknownChannelAccount = 'unknown_channel_account',
  MissingSignature = 'missing_signature',
  InvalidSignature = 'invalid_signature',
  MalformedWebhook = 'malformed_webhook',
}

/** The gateway's own failures; the HTTP filter maps each code to a status. */
export class GatewayException extends Error {
  constructor(
    readonly code: GatewayErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GatewayException';
  }

  static unknownChannelAccount(channel: string, externalId: string): GatewayException {
    return new GatewayException(
      GatewayErrorCode.UnknownChannelAccount,
      `No ${channel} account ${externalId} is connected`,
    );
  }

  static rejectedSignature(status: 401 | 403, reason: string): GatewayException {
    return new GatewayException(
      status === 401 ? GatewayErrorCode.MissingSignature : GatewayErrorCode.InvalidSignature,
      reason,
    );
  }

  static malformed(message: string): GatewayException {
    return new GatewayException(GatewayErrorCode.MalformedWebhook, message);
  }

  static busUnavailable(cause: unknown): GatewayException {
    return new GatewayException(
      GatewayErrorCode.BusUnavailable,
      'The message could not be stored; retry later',
      { cause },
    );
  }
}
