import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { SlaApiException } from '../api/shared/sla-api.exception';
import { slaHttpError } from './sla-http-error';

/** Answers SLA API failures with the status `slaHttpError` picks. HTTP controllers only. */
@Catch(SlaApiException)
export class SlaExceptionFilter implements ExceptionFilter<SlaApiException> {
  catch(exception: SlaApiException, host: ArgumentsHost): void {
    const { status, body } = slaHttpError(exception);
    host.switchToHttp().getResponse<Response>().status(status).json(body);
  }
}
