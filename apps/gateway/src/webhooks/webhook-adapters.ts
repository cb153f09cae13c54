import type { InboundChannelAdapter } from '@switchboard/channels';

/** The providers the gateway takes webhooks from, by the path segment they post to. */
export const WEBHOOK_PROVIDERS = [
  'twilio',
  'slack',
  'meta',
  'telegram',
  'sendgrid',
  'mailgun',
  'postmark',
] as const;

export type WebhookProvider = (typeof WEBHOOK_PROVIDERS)[number];

export type WebhookAdapters = Partial<Record<WebhookProvider, InboundChannelAdapter<never>>>;

export const WEBHOOK_ADAPTERS = Symbol('WEBHOOK_ADAPTERS');

/** App-level settings of the webhook edge (per-account secrets live encrypted in the database). */
export interface WebhookSettings {
  /** The gateway's public URL: Twilio signs the URL it called. */
  publicBaseUrl: string;
  /** Meta's subscription handshake token, set in the Meta app's webhook settings. */
  metaVerifyToken: string | null;
  /** The Slack app's signing secret, for the Request URL check (which names no workspace). */
  slackSigningSecret: string | null;
}

export const WEBHOOK_SETTINGS = Symbol('WEBHOOK_SETTINGS');
