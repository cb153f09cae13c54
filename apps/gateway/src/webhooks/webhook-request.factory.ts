import type { RawBodyRequest } from '@nestjs/common';
import type { WebhookRequest } from '@switchboard/channels';
import type { Request } from 'express';

/**
 * The provider's request as the adapters need it: the exact bytes received (signatures are
 * over them, never over re-serialized JSON) and the public URL the provider called.
 */
export function toWebhookRequest(
  request: RawBodyRequest<Request>,
  publicBaseUrl: string,
  routeKey: string | null = null,
): WebhookRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined)
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.query)) {
    if (typeof value === 'string') query[name] = value;
  }
  const rawBody =
    request.rawBody ?? (Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0));
  return {
    method: request.method === 'GET' ? 'GET' : 'POST',
    url: `${publicBaseUrl.replace(/\/$/, '')}${request.originalUrl}`,
    headers,
    query,
    rawBody,
    routeKey,
  };
}
