export { telegramAdapter } from './telegram.adapter';
export type { TelegramSecrets } from './telegram-secret';
