import { VISITOR_TOKEN_TTL_SECONDS } from '@switchboard/channels';

/** What the web chat needs from the gateway's settings. */
export interface WebchatSettings {
  /** SWITCHBOARD_SECRETS_KEY: decrypts each site's token secret. */
  secretsKey: string;
  /** Validity of new visitor tokens; 30 days when not set. */
  visitorTokenTtlSeconds?: number;
}

export const DEFAULT_VISITOR_TOKEN_TTL_SECONDS = VISITOR_TOKEN_TTL_SECONDS;

export const WEBCHAT_SETTINGS = Symbol('WEBCHAT_SETTINGS');

/** Randomness, injected so tests can fix visitor ids. */
export type RandomBytes = (size: number) => Buffer;

export const RANDOM_BYTES = Symbol('RANDOM_BYTES');
