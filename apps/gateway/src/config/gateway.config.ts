import { baseServiceSchema, settings } from '@switchboard/config';
import type { z } from 'zod';

export const gatewayConfigSchema = baseServiceSchema.extend({
  PORT: settings.port(3000),
  GATEWAY_MAX_BODY_BYTES: settings.bytes(1_048_576),
  /** After this, a webhook gets 503 so the provider retries, rather than hanging. */
  GATEWAY_PUBLISH_TIMEOUT_MS: settings.positiveInt(10_000),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** The part of the configuration the gateway's modules use (the rest is wiring). */
