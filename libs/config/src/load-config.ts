import { z } from 'zod';
import { ConfigError } from './config.error';

/**
 * Validates the environment once at boot into a typed object. Each key of the schema is an
 * environment variable name; an error names every bad setting at once.
 */
export function loadConfig<TSchema extends z.ZodObject>(
  schema: TSchema,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<TSchema> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const value = issue.path.length === 1 ? env[String(issue.path[0])] : undefined;
      const shown = value === undefined ? 'not set' : `got ${JSON.stringify(redact(name, value))}`;
      return `${name}: ${issue.message} (${shown})`;
    }),
  );
}

function redact(name: string, value: string): string {
  if (/SECRET|PASSWORD|KEY|TOKEN/i.test(name)) return '***';
  // Connection strings carry credentials (which may hold '/', '#' or '@'): never print
  // anything before the last '@'.
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)?.*@/i, (_match, scheme = '') => `${scheme}***@`);
}
