/** The request is malformed: the gateway answers 400 naming `field`. Never retried. */
export class WebhookInputError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'WebhookInputError';
  }
}
