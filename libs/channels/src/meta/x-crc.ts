import { createHmac } from 'node:crypto';

/**
 * The X (Twitter) Account Activity API challenge-response check: `GET ?crc_token=` must be
 * answered with this JSON within 3 s, and X repeats it about daily. It lives beside the Meta
 * handshake because it is the same kind of thing (an HMAC proof of the app secret).
 */
export function xCrcResponse(crcToken: string, consumerSecret: string): { response_token: string } {
  const digest = createHmac('sha256', consumerSecret).update(crcToken).digest('base64');
  return { response_token: `sha256=${digest}` };
}
