import { Catch, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { ContractViolationError } from '@switchboard/contracts';
import { throwError, type Observable } from 'rxjs';
import { PermanentError } from '../permanent.error';

/**
 * Put on every event-handler class (`@UseFilters(BusExceptionFilter)`). Hands handler
 * failures back to the bus unchanged, instead of Nest's generic RPC error
 * object, so the bus can tell permanent failures (dead-letter now) from temporary ones
 * (retry). The one place where that decision is made for event handlers.
 */
@Catch()
export class BusExceptionFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => classify(exception));
  }
}

export function classify(exception: unknown): unknown {
  if (exception instanceof ContractViolationError) {
    return new PermanentError(exception.message, 'contract-violation', { cause: exception });
  }
  return exception;
}
