import { convert } from 'html-to-text';

/**
 * Plain text for mail that came as HTML only. It is rendered from the already sanitized HTML,
 * so nothing the sanitizer removed (script, style, title) can reappear as text. No word wrap:
 * the text is displayed, not mailed, and wrapping would break the quote detection after it.
 */
export function htmlToText(safeHtml: string): string {
  return convert(safeHtml, OPTIONS).trim();
}

const OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    // Inline images are attachments already; their cid: URLs mean nothing to a reader.
    { selector: 'img', format: 'skip' },
  ],
};
