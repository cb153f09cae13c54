import { WebhookInputError } from '../webhook-input.error';

/** JSON carried in a form field or body; malformed JSON is a malformed request. */
export function parseJsonText(text: string, field: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new WebhookInputError(field, 'is not valid JSON');
  }
}
