import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Byte-exact copies of /work/shared/fixtures/slack, with the SHA-256 prefixes listed in its
 * SOURCES.md: signatures are computed over these bytes, so a reformatted file must fail loudly.
 */
export const SLACK_FIXTURE_SHA256 = {
  'bot_reply_in_thread_ignore.json': '18b0d29cf724',
  'message_changed_edit_unfurl.json': '94fda1170564',
  'message_channel_plain.json': 'df43bbef699d',
  'message_deleted.json': '8a9f7363acae',
  'message_file_share_dm.json': '66be9318c83d',
  'message_im_dm.json': '755a957d8383',
} as const;

export type SlackFixture = keyof typeof SLACK_FIXTURE_SHA256;

export const SLACK_FIXTURES = Object.keys(SLACK_FIXTURE_SHA256) as SlackFixture[];

const FIXTURE_DIR = join(__dirname, '..', '..', '..', 'test-fixtures', 'slack');

/** The file's bytes, as Slack would have signed them. */
export function slackFixture(name: SlackFixture): Buffer {
  return readFileSync(join(FIXTURE_DIR, name));
}

/**
 * A fixture with some fields changed, for cases no capture covers: keys are dotted paths
 * (`event.files.0.size`), `undefined` deletes. Re-serialized, so sign the result, not the file.
 */
export function editedSlackFixture(name: SlackFixture, changes: Record<string, unknown>): Buffer {
  const body: unknown = JSON.parse(slackFixture(name).toString('utf8'));
  for (const [path, value] of Object.entries(changes)) setPath(body, path.split('.'), value);
  return Buffer.from(JSON.stringify(body));
}

function setPath(target: unknown, [key, ...rest]: string[], value: unknown): void {
  if (typeof target !== 'object' || target === null || key === undefined) {
    throw new Error(`cannot follow the path at ${String(key)}`);
  }
  const record = target as Record<string, unknown>;
  if (rest.length > 0) return setPath(record[key], rest, value);
  if (value === undefined) delete record[key];
  else record[key] = value;
}
