import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { withCorrelation } from './correlation';

const HEADER = 'x-correlation-id';
const VALID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Takes the caller's correlation id (or makes one) and echoes it on the response. */
export function correlationMiddleware(
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  const given = request.header(HEADER);
  const correlationId = given && VALID.test(given) ? given : randomUUID();
  response.setHeader(HEADER, correlationId);
  withCorrelation({ correlationId }, next);
}
