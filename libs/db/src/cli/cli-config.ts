import { loadConfig, settings } from '@switchboard/config';
import { z } from 'zod';

/** The settings the database CLIs read, validated once like a service's (a bad one is named). */
export function databaseCliConfig() {
  return loadConfig(z.object({ DATABASE_URL: settings.postgresUrl() }));
}

export function secretsCliConfig() {
  return loadConfig(
    z.object({
      DATABASE_URL: settings.postgresUrl(),
      /** 32 bytes, base64: the key the gateway decrypts channel secrets with. */
      SWITCHBOARD_SECRETS_KEY: z.string().min(40),
    }),
  );
}
