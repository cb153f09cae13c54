import { WebhookInputError } from '../webhook-input.error';
import { header, type WebhookRequest } from '../webhook-request';
import { decodeText } from './charset';
import type { FormPart } from './form-part';
import { parseHeaderParams } from './header-params';
import { parseMultipart } from './multipart-form';
import { parseUrlEncoded } from './urlencoded-form';

/** A provider's form POST, urlencoded or multipart, with fields kept as bytes until read. */
export class FormBody {
  constructor(readonly parts: readonly FormPart[]) {}

  /** The first part with this name. */
  part(name: string): FormPart | null {
    return this.parts.find((part) => part.name === name) ?? null;
  }

  /**
   * The first part with this name as text: in `charset` when the caller knows it (SendGrid's
   * `charsets` field), else in the part's own Content-Type charset, else UTF-8.
   */
  text(name: string, charset?: string | null): string | null {
    const part = this.part(name);
    if (part === null) return null;
    const declared = part.contentType === null ? null : parseHeaderParams(part.contentType);
    return decodeText(part.value, charset ?? declared?.params.charset);
  }

  /** Parts that carried a file name: the attachments. */
  files(): FormPart[] {
    return this.parts.filter((part) => part.filename !== null);
  }
}

/** Reads the request body by its Content-Type; anything else is a malformed request. */
export function readForm(request: WebhookRequest): FormBody {
  const contentType = parseHeaderParams(header(request, 'content-type') ?? '');
  if (contentType.value === 'application/x-www-form-urlencoded') {
    return new FormBody(parseUrlEncoded(request.rawBody));
  }
  if (contentType.value === 'multipart/form-data') {
    const boundary = contentType.params.boundary;
    // RFC 2046 §5.1.1: 1 to 70 characters.
    if (boundary === undefined || boundary.length < 1 || boundary.length > 70) {
      throw new WebhookInputError('content-type', 'multipart/form-data without a usable boundary');
    }
    return new FormBody(parseMultipart(request.rawBody, boundary));
  }
  throw new WebhookInputError(
    'content-type',
    'expected multipart/form-data or application/x-www-form-urlencoded',
  );
}
