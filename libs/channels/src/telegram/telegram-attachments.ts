import type { InboundAttachment } from '@switchboard/contracts';
import type { TelegramMessage } from './telegram-update.schema';

type TelegramFile = NonNullable<TelegramMessage['document']>;
type PhotoSize = NonNullable<TelegramMessage['photo']>[number];

/** Media by `file_id` (fetched later through getFile); Telegram gives no URL in the update. */
export function telegramAttachments(message: TelegramMessage): InboundAttachment[] {
  const attachments: InboundAttachment[] = [];
  const photo = largest(message.photo ?? []);
  // Telegram re-encodes every photo it stores as JPEG.
  if (photo) attachments.push(attachment(photo.file_id, null, 'image/jpeg', photo.file_size));
  for (const file of [
    message.video,
    message.audio,
    message.voice,
    message.video_note,
    message.document,
  ]) {
    if (file) attachments.push(fromFile(file));
  }
  if (message.sticker) {
    const { sticker } = message;
    attachments.push(attachment(sticker.file_id, null, stickerType(sticker), sticker.file_size));
  }
  return attachments;
}

/** A photo comes in several sizes; the one with the most pixels is the original. */
function largest(sizes: readonly PhotoSize[]): PhotoSize | undefined {
  return sizes.reduce<PhotoSize | undefined>(
    (best, size) =>
      best === undefined || size.width * size.height >= best.width * best.height ? size : best,
    undefined,
  );
}

function fromFile(file: TelegramFile): InboundAttachment {
  return attachment(file.file_id, file.file_name ?? null, file.mime_type ?? null, file.file_size);
}

/** Stickers have no mime_type; their format flags say which of three files it is. */
function stickerType(sticker: NonNullable<TelegramMessage['sticker']>): string {
  if (sticker.is_animated) return 'application/x-tgsticker';
  if (sticker.is_video) return 'video/webm';
  return 'image/webp';
}

function attachment(
  fileId: string,
  name: string | null,
  contentType: string | null,
  size: number | undefined,
): InboundAttachment {
  return {
    url: null,
    providerMediaId: fileId,
    name,
    contentType,
    size: size ?? null,
    contentId: null,
  };
}
