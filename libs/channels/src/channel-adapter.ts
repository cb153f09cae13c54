import type { Channel } from '@switchboard/contracts';
import type { ParsedWebhook, VerificationResult } from './parsed-inbound';
import type { WebhookRequest } from './webhook-request';

/** Which of a tenant's channel accounts a webhook is addressed to. */
export interface WebhookDestination {
  channel: Channel;
  /**
   * The account's id at the provider: our phone number in E.164 for Twilio (no `whatsapp:`
   * prefix), the Slack team id, the WhatsApp phone_number_id, the Facebook page id, the
   * Instagram account id, the Telegram bot's route key, the inbound email address.
   */
  accountExternalId: string;
}

/**
 * One provider's inbound side. The gateway calls `destination` first (to find the tenant and
 * its secrets; unknown → 404), then `verify` over the raw bytes (→ 401/403), then `parse`
 * (malformed → `WebhookInputError` → 400). All three are pure: no I/O, clock passed in.
 */
export interface InboundChannelAdapter<TSecrets> {
  destination(request: WebhookRequest): WebhookDestination;
  verify(request: WebhookRequest, secrets: TSecrets, now: Date): VerificationResult;
  /**
   * For providers that batch several accounts into one request (Meta): every account named,
   * and the events per account, so each goes to its own tenant and is verified with its secret.
   */
  destinations?(request: WebhookRequest): WebhookDestination[];
  parseByDestination?(
    request: WebhookRequest,
    now: Date,
  ): Array<{ destination: WebhookDestination; webhook: ParsedWebhook }>;
  /** May be async (MIME and multipart parsing stream). */
  parse(request: WebhookRequest, now: Date): ParsedWebhook | Promise<ParsedWebhook>;
}
