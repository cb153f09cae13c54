import { PermanentError, TransientError } from '@switchboard/bus';

/**
 * Decides, once for every event handler, whether a failure is worth retrying. PostgreSQL
 * says so in its SQLSTATE: connection loss, resource exhaustion, shutdowns, serialization
 * failures and deadlocks pass (retry until they do, never dead-letter); a unique violation
 * is a race another delivery won (retry: the dedupe then sees it); bad data and other
 * integrity violations never pass (dead-letter now). Anything else keeps the bus's
 * bounded retries.
 */
export function classifyFailure(error: unknown): unknown {
  if (error instanceof PermanentError || error instanceof TransientError) return error;
  const code = sqlState(error);
  if (code) {
    if (/^(08|53|57P|58)/.test(code) || code === '40001' || code === '40P01' || code === '55P03') {
      return new TransientError(`database unavailable (${code})`, { cause: error });
    }
    if (code === '23505')
      return new TransientError('lost a race to a concurrent write', { cause: error });
    if (/^(22|23|42)/.test(code)) {
      return new PermanentError(`database rejected the data (${code})`, 'database-rejected', {
        cause: error,
      });
    }
  }
  if (isConnectionFailure(error))
    return new TransientError('database unreachable', { cause: error });
  return error;
}

function sqlState(error: unknown): string | null {
  const candidate = (error as { code?: unknown; driverError?: { code?: unknown } } | null) ?? null;
  const code = candidate?.driverError?.code ?? candidate?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

function isConnectionFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'ETIMEDOUT' ||
    /Connection terminated|timeout exceeded when trying to connect|Connection ended/i.test(message)
  );
}
