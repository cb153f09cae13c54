import { readEmail, type InboundChannelAdapter, type WebhookRequest } from '@switchboard/channels';

/**
 * Mail delivered to our own SMTP listener, through the same pipeline as provider webhooks.
 * `routeKey` is the envelope recipient. SMTP carries no provider signature: the listener only
 * accepts mail for connected inboxes (550 otherwise), like any MX.
 */
export const smtpMailAdapter: InboundChannelAdapter<Record<string, never>> = {
  destination: (request) => ({
    channel: 'email',
    accountExternalId: inboxOf(recipientOf(request)),
  }),
  verify: () => ({ ok: true }),
  parse: async (request, now) => {
    const reading = await readEmail(request.rawBody, { now, recipient: recipientOf(request) });
    return { deliveryId: `message:${reading.messageKey}`, events: reading.events };
  },
};

function recipientOf(request: WebhookRequest): string {
  return (request.routeKey ?? '').trim().toLowerCase();
}

/** `support+<conversation>@acme.test` is delivered to the `support@acme.test` inbox. */
export function inboxOf(address: string): string {
  const normalized = address.trim().toLowerCase();
  const at = normalized.lastIndexOf('@');
  if (at < 0) return normalized;
  const local = normalized.slice(0, at).split('+')[0];
  return `${local}@${normalized.slice(at + 1)}`;
}
