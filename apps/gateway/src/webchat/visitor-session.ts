/** A visitor whose token was verified on connect; lives as long as the socket. */
export interface VisitorSession {
  tenantId: string;
  channelAccountId: string;
  siteKey: string;
  visitorId: string;
  /** When the token that opened the session stops being valid. */
  expiresAt: Date;
}
