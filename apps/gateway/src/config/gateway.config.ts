import { baseServiceSchema, settings } from '@switchboard/config';
import { z } from 'zod';

export const gatewayConfigSchema = baseServiceSchema.extend({
  PORT: settings.port(3000),
  GATEWAY_MAX_BODY_BYTES: settings.bytes(1_048_576),
  /** After this, a webhook gets 503 so the provider retries, rather than hanging. */
  GATEWAY_PUBLISH_TIMEOUT_MS: settings.positiveInt(10_000),
  /** The URL providers call (behind proxies and ingresses): Twilio signs it. */
  PUBLIC_BASE_URL: z.url(),
  /** 32 bytes, base64: decrypts the channel accounts' provider secrets. */
  SWITCHBOARD_SECRETS_KEY: z.string().min(40),
  /** Set to run an SMTP listener (point an MX at it); unset: email arrives by webhooks. */
  GATEWAY_SMTP_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  META_VERIFY_TOKEN: z.string().min(8).optional(),
  SLACK_SIGNING_SECRET: z.string().min(16).optional(),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** The part of the configuration the gateway's modules use (the rest is wiring). */
