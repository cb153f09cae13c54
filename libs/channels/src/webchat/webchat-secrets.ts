/** A web chat site's secrets, stored encrypted on its channel account. */
export interface WebchatSecrets {
  /** The HMAC-SHA256 key visitor tokens are signed with; rotating it signs every visitor out. */
  visitorTokenSecret: string;
}

/** At least 256 bits of key material, written as text (e.g. 32 random bytes in base64url). */
export const MIN_VISITOR_TOKEN_SECRET_LENGTH = 32;

/** The site's secrets, or null when the account was provisioned without a usable key. */
export function webchatSecretsOf(secrets: Record<string, unknown>): WebchatSecrets | null {
  const { visitorTokenSecret } = secrets;
  return typeof visitorTokenSecret === 'string' &&
    visitorTokenSecret.length >= MIN_VISITOR_TOKEN_SECRET_LENGTH
    ? { visitorTokenSecret }
    : null;
}
