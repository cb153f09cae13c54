import type { JsonReader } from './json-reader';

/**
 * Slack's `ts`: epoch seconds and a fraction as a string ("1663966382.046509"). It is also the
 * message's id within its channel, so it is kept as the exact string and never round-tripped
 * through a float. Ten digits of seconds keep the instant within ISO 8601's four-digit years;
 * 32 characters in all keep `<channel>:<ts>` well inside the contract's id limits.
 */
const SLACK_TS = /^(\d{1,10})(?:\.(\d+))?$/;
const SLACK_TS_MAX = 32;

/** Reads a `ts`-shaped field; a malformed one is a 400 naming the field. */
export function readSlackTs(reader: JsonReader, key: string): string {
  const ts = reader.string(key, SLACK_TS_MAX);
  if (!SLACK_TS.test(ts)) reader.fail(key, 'is not a Slack timestamp');
  return ts;
}

/** The instant of a validated `ts`, to the millisecond (Slack's microseconds are dropped). */
export function slackTsToIso(ts: string): string {
  const match = SLACK_TS.exec(ts);
  // Callers read the value with readSlackTs first; reaching this is a bug, not bad input.
  if (match === null) throw new Error(`Not a validated Slack ts: ${ts}`);
  const [, seconds = '0', fraction = ''] = match;
  const millis = Number(seconds) * 1000 + Number(fraction.slice(0, 3).padEnd(3, '0'));
  return new Date(millis).toISOString();
}
