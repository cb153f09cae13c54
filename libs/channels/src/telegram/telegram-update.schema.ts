import { storableString } from '@switchboard/contracts';
import { z } from 'zod';
import { WebhookInputError } from '../webhook-input.error';

/**
 * The part of a Bot API `Update` we read, checked before use: the body is untrusted JSON.
 * `z.object` drops unknown keys (Telegram adds fields often), so a `__proto__` key in the
 * input never reaches the parsed value. Caps are the inbound contract's; NULs and broken
 * Unicode in free text are cleaned by the gateway.
 */

/** Unix seconds up to 9999-12-31, so `toISOString()` stays in the contract's format. */
const unixSeconds = z.int().min(0).max(253_402_300_799);
/** An id is taken as it is: cleaning out a NUL would name another file. Text is the gateway's to clean. */
const fileId = storableString().min(1).max(512);
const fileSize = z.int().min(0);

const user = z.object({
  id: z.int(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
});

const photoSize = z.object({
  file_id: fileId,
  width: z.int().min(0),
  height: z.int().min(0),
  file_size: fileSize.optional(),
});

/** Document, audio, voice, video, video note: the fields an attachment needs. */
const file = z.object({
  file_id: fileId,
  file_name: z.string().max(1_024).optional(),
  mime_type: z.string().max(255).optional(),
  file_size: fileSize.optional(),
});

const sticker = z.object({
  file_id: fileId,
  is_animated: z.boolean().optional(),
  is_video: z.boolean().optional(),
  file_size: fileSize.optional(),
});

const location = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  live_period: z.int().optional(),
});

export const telegramMessageSchema = z.object({
  message_id: z.int().min(0),
  message_thread_id: z.int().optional(),
  from: user,
  chat: z.object({ id: z.int() }),
  date: unixSeconds,
  edit_date: unixSeconds.optional(),
  text: z.string().max(1_000_000).optional(),
  caption: z.string().max(1_000_000).optional(),
  photo: z.array(photoSize).max(100).optional(),
  video: file.optional(),
  audio: file.optional(),
  voice: file.optional(),
  video_note: file.optional(),
  // An animation (GIF) also fills `document`, so it needs no field of its own.
  document: file.optional(),
  sticker: sticker.optional(),
  location: location.optional(),
  venue: z
    .object({ location, title: z.string().max(1_024), address: z.string().max(2_048) })
    .optional(),
  reply_to_message: z.object({ message_id: z.int() }).optional(),
});

export type TelegramMessage = z.infer<typeof telegramMessageSchema>;

export const telegramUpdateSchema = z.object({ update_id: z.int().min(0) });

/** Validates `value`, naming the first bad field by its path in the update (`message.from.id`). */
export function parseTelegramPart<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = [path, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  throw new WebhookInputError(field || 'body', issue?.message ?? 'invalid');
}
