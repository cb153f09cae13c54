import type { InboundChannelAdapter } from '../channel-adapter';
import { WebhookInputError } from '../webhook-input.error';
import { verifyTelegramSecret, type TelegramSecrets } from './telegram-secret';
import { parseTelegramUpdate } from './telegram-update';

/** Telegram Bot API webhooks. `satisfies`, so callers see that `parse` is synchronous. */
export const telegramAdapter = {
  // An update never names the bot it was sent to, so each bot gets its own URL (`:accountKey`).
  destination(request) {
    if (!request.routeKey) throw new WebhookInputError('routeKey', 'missing from the webhook URL');
    return { channel: 'telegram', accountExternalId: request.routeKey };
  },

  // The secret token is static: no timestamp to check against the clock.
  verify(request, secrets, _now) {
    return verifyTelegramSecret(request, secrets);
  },

  // Updates carry their own dates.
  parse(request, _now) {
    return parseTelegramUpdate(request.rawBody);
  },
} satisfies InboundChannelAdapter<TelegramSecrets>;
