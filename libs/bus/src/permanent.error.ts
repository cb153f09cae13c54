/**
 * A failure that retrying cannot fix (malformed message, broken invariant). The bus sends
 * the message straight to the dead-letter topic instead of retrying it.
 */
export class PermanentError extends Error {
  constructor(
    message: string,
    readonly reason: string = 'permanent',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PermanentError';
  }
}

/**
 * A failure of infrastructure the message does not control (database unreachable, failover,
 * a lost race). Retried for as long as it takes, never dead-lettered: the message is fine,
 * and skipping it would break its key's order.
 */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientError';
  }
}

export function isPermanent(error: unknown): boolean {
  return error instanceof PermanentError;
}

export function isTransient(error: unknown): boolean {
  return error instanceof TransientError;
}
