import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { assertUnreachable } from '@switchboard/contracts';
import { JsonLogger } from '@switchboard/observability';
import { WebchatErrorCode, WebchatException } from './webchat.exception';

/** Maps web chat error codes to HTTP for the session endpoint: the only place that does. */
@Catch(WebchatException)
export class WebchatExceptionFilter implements ExceptionFilter<WebchatException> {
  constructor(private readonly logger: JsonLogger) {}

  catch(exception: WebchatException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    // The widget calls from the customer's site: its errors must be readable cross-origin too.
    response.setHeader('Access-Control-Allow-Origin', '*');
    const answer = (status: number) =>
      response.status(status).json({ error: exception.code, message: exception.message });
    switch (exception.code) {
      case WebchatErrorCode.UnknownSite:
        answer(HttpStatus.NOT_FOUND);
        return;
      case WebchatErrorCode.InvalidVisitorToken:
      case WebchatErrorCode.SessionExpired:
        answer(HttpStatus.UNAUTHORIZED);
        return;
      case WebchatErrorCode.SiteMisconfigured:
        this.logger.error(
          { msg: 'A web chat site cannot sign visitor tokens', code: exception.code },
          'WebchatExceptionFilter',
        );
        answer(HttpStatus.INTERNAL_SERVER_ERROR);
        return;
      case WebchatErrorCode.BusUnavailable:
        response.setHeader('Retry-After', '5');
        answer(HttpStatus.SERVICE_UNAVAILABLE);
        return;
      default:
        assertUnreachable(exception.code);
    }
  }
}
