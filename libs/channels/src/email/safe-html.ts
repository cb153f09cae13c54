import sanitizeHtml from 'sanitize-html';

const LINK_REL = 'noopener noreferrer nofollow';
const ABSOLUTE_LINK = /^(?:https?:|mailto:)/i;
const INLINE_IMAGE = /^cid:/i;

/**
 * Email HTML reduced to what an agent's browser can render safely inside our app.
 * - Basic formatting, lists, quotes, tables and links only: no script, style, forms, frames,
 *   SVG or MathML, no event handlers, no `style`/`class` (CSS can overlay our UI and fetch URLs).
 * - Links must be absolute http(s) or mailto: a relative href would resolve against our own
 *   app. They open in a new tab with rel "noopener noreferrer nofollow" (noreferrer too, so
 *   the agent's URL never reaches the sender).
 * - Images only as `cid:` references to the message's own inline parts, which the app serves
 *   from stored attachments. Remote images are dropped: they are tracking pixels that tell the
 *   sender when and where an agent read the mail. `data:` URLs are dropped too (megabytes in
 *   every event, and SVG payloads).
 * The content of script, style, title and similar elements is removed with them, so it cannot
 * leak into the text either.
 */
export function sanitizeEmailHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...['p', 'div', 'span', 'br', 'hr', 'blockquote', 'pre', 'code', 'a', 'img'],
    ...['b', 'strong', 'i', 'em', 'u', 's', 'strike', 'del', 'ins', 'mark', 'small', 'sub', 'sup'],
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd'],
    ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    ol: ['start'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['cid'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: [
    ...['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'template'],
    ...['iframe', 'object', 'embed', 'svg', 'math', 'xml', 'select', 'button'],
  ],
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...(ABSOLUTE_LINK.test(attribs.href?.trim() ?? '') ? { href: attribs.href.trim() } : {}),
        ...(attribs.title !== undefined ? { title: attribs.title } : {}),
        rel: LINK_REL,
        target: '_blank',
      },
    }),
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: INLINE_IMAGE.test(src?.trim() ?? '') ? attribs : rest };
    },
  },
  // An image left without a source would only be an empty box.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};
