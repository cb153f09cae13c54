/** A provider's HTTP request as the gateway received it: the raw bytes are what was signed. */
export interface WebhookRequest {
  method: 'GET' | 'POST';
  /** The public URL the provider called (configured base URL + path + query), for Twilio's signature. */
  url: string;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Readonly<Record<string, string>>;
  query: Readonly<Record<string, string>>;
  /** The `:accountKey` path segment, for providers whose body does not name the destination (Telegram). */
  routeKey: string | null;
  rawBody: Buffer;
}

export function header(request: WebhookRequest, name: string): string | null {
  return request.headers[name.toLowerCase()] ?? null;
}
