import { z } from 'zod';

/** Reusable setting parsers, so every service reads the same variable the same way. */
export const settings = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback),
  positiveInt: (fallback: number) => z.coerce.number().int().positive().default(fallback),
  bytes: (fallback: number) => z.coerce.number().int().min(1_024).default(fallback),
  brokers: () =>
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((broker) => broker.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'each broker must be host:port')).min(1)),
  postgresUrl: () =>
    z.url().refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// URL'),
  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
};

/** The settings every service shares: its database, its bus and how it logs. */
export const baseServiceSchema = z.object({
  DATABASE_URL: settings.postgresUrl(),
  KAFKA_BROKERS: settings.brokers(),
  KAFKA_CLIENT_ID: z.string().min(1).default('switchboard'),
  KAFKA_TOPIC_PARTITIONS: settings.positiveInt(6),
  KAFKA_REPLICATION_FACTOR: settings.positiveInt(1),
  /** Namespaces topics and consumer groups when environments share a cluster. */
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]*$/, 'only letters, digits, ".", "_" and "-"')
    .default(''),
  LOG_LEVEL: settings.logLevel(),
  HOST: z.string().min(1).default('0.0.0.0'),
});

export type BaseServiceConfig = z.infer<typeof baseServiceSchema>;
