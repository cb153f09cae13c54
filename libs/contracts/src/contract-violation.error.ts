import type { z } from 'zod';

/** A message that does not match its contract. Never retried: it goes to the dead-letter topic. */
export class ContractViolationError extends Error {
  constructor(
    message: string,
    readonly issues: readonly string[],
  ) {
    super(`${message}: ${issues.join('; ')}`);
    this.name = 'ContractViolationError';
  }

  static fromZod(message: string, error: z.ZodError): ContractViolationError {
    return new ContractViolationError(
      message,
      error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
}
