import { settings } from '@switchboard/config';
import { z } from 'zod';

/** The one-process try-out. Set DATABASE_URL / KAFKA_BROKERS to use real ones instead. */
export const embeddedConfigSchema = z.object({
  SWITCHBOARD_DATA_DIR: z.string().min(1).default('.switchboard'),
  EMBEDDED_PG_PORT: settings.port(54329),
  DATABASE_URL: settings.postgresUrl().optional(),
  KAFKA_BROKERS: settings.brokers().optional(),
  KAFKA_CLIENT_ID: z.string().min(1).default('switchboard'),
  KAFKA_TOPIC_PARTITIONS: settings.positiveInt(6),
  KAFKA_REPLICATION_FACTOR: settings.positiveInt(1),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]*$/)
    .default(''),
  HOST: z.string().min(1).default('127.0.0.1'),
  GATEWAY_PORT: settings.port(3000),
  CONVERSATIONS_PORT: settings.port(3001),
  ROUTER_PORT: settings.port(3002),
  SLA_PORT: settings.port(3003),
  /** The try-out's SMTP listener, so email can be tried without a provider. */
  GATEWAY_SMTP_PORT: settings.port(2525),
  GATEWAY_MAX_BODY_BYTES: settings.bytes(1_048_576),
  CONVERSATION_REOPEN_WINDOW_SECONDS: settings.positiveInt(86_400),
  LOG_LEVEL: settings.logLevel(),
  PUBLIC_BASE_URL: z.url().optional(),
  SWITCHBOARD_SECRETS_KEY: z.string().min(40).optional(),
  META_VERIFY_TOKEN: z.string().min(8).optional(),
  SLACK_SIGNING_SECRET: z.string().min(16).optional(),
});

export type EmbeddedConfig = z.infer<typeof embeddedConfigSchema>;
