import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { assertUnreachable } from '@switchboard/contracts';
import { JsonLogger } from '@switchboard/observability';
import { GatewayErrorCode, GatewayException } from './gateway.exception';

/** Maps gateway error codes to HTTP: the only place that decides a status for them. */
@Catch(GatewayException)
export class GatewayExceptionFilter implements ExceptionFilter<GatewayException> {
  constructor(private readonly logger: JsonLogger) {}

  catch(exception: GatewayException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    switch (exception.code) {
      case GatewayErrorCode.BusUnavailable:
        this.logger.error(
          {
            msg: 'Rejected a message because the bus did not acknowledge it',
            err: exception.cause,
            code: exception.code,
          },
          'GatewayExceptionFilter',
        );
        // Providers retry on 5xx; Retry-After tells well-behaved ones when.
        response
          .status(HttpStatus.SERVICE_UNAVAILABLE)
          .setHeader('Retry-After', '5')
          .json({ error: exception.code, message: exception.message });
        return;
      case GatewayErrorCode.UnknownChannelAccount:
        this.logger.warn(
          { code: exception.code, reason: exception.message },
          'GatewayExceptionFilter',
        );
        response
          .status(HttpStatus.NOT_FOUND)
          .json({ error: exception.code, message: exception.message });
        return;
      case GatewayErrorCode.MissingSignature:
      case GatewayErrorCode.InvalidSignature:
        this.logger.warn(
          { code: exception.code, reason: exception.message },
          'GatewayExceptionFilter',
        );
        response
          .status(exception.code === GatewayErrorCode.MissingSignature ? 401 : 403)
          .json({ error: exception.code, message: exception.message });
        return;
      case GatewayErrorCode.MalformedWebhook:
        response
          .status(HttpStatus.BAD_REQUEST)
          .json({ error: exception.code, message: exception.message });
        return;
      default:
        assertUnreachable(exception.code);
    }
  }
}
