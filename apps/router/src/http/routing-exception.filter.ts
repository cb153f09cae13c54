import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { RoutingError } from '@switchboard/routing';
import type { Response } from 'express';
import { RoutingApiException } from '../use-cases/shared/routing-api.exception';
import { routingHttpError } from './routing-http-error';

/** Answers routing failures with the status `routingHttpError` picks. HTTP controllers only. */
@Catch(RoutingError, RoutingApiException)
export class RoutingExceptionFilter implements ExceptionFilter<RoutingError | RoutingApiException> {
  catch(exception: RoutingError | RoutingApiException, host: ArgumentsHost): void {
    const { status, body } = routingHttpError(exception);
    host.switchToHttp().getResponse<Response>().status(status).json(body);
  }
}
