export { twilioAdapter } from './twilio.adapter';
export type { TwilioSecrets } from './twilio-signature';
