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

export function isPermanent(error: unknown): boolean {
  return error instanceof PermanentError;
}
