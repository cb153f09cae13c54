import type { InboundAttachment } from '@switchboard/contracts';
import type { JsonReader } from './json-reader';
import { LIMITS } from './slack-limits';

/**
 * `files[]` of a message. Every field is optional: Slack Connect files the app may not see
 * arrive as `{ id, file_access: "check_file_info" }` only, and the id is enough to call
 * `files.info` later. `url_private` needs the bot token to download, so it is stored, not fetched.
 */
export function slackAttachments(message: JsonReader): InboundAttachment[] {
  const files = message.objects('files');
  // Slack allows 10 files a message; more than the contract holds is not Slack.
  if (files.length > LIMITS.attachments) {
    message.fail('files', `has more than ${LIMITS.attachments} files`);
  }
  return files.map((file) => ({
    url: file.optionalString('url_private', LIMITS.url),
    providerMediaId: file.optionalString('id', LIMITS.mediaId),
    name: file.optionalText('name', LIMITS.fileName, { clip: true }),
    contentType: file.optionalString('mimetype', LIMITS.contentType),
    size: file.optionalNonNegativeInteger('size'),
    contentId: null,
  }));
}
