export enum GatewayErrorCode {
  BusUnavailable = 'bus_unavailable',
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

  static busUnavailable(cause: unknown): GatewayException {
    return new GatewayException(
      GatewayErrorCode.BusUnavailable,
      'The message could not be stored; retry later',
      { cause },
    );
  }
}
