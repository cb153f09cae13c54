import parseReply from 'node-email-reply-parser';

/**
 * What the sender wrote in this message: the quoted history ("On … wrote:" and `>` lines,
 * Outlook's "From: … Sent: …" block) and the signature ("-- ", "Sent from my iPhone") cut off.
 * When that leaves nothing (a bare forward, a reply typed inside the quote) the whole text is
 * kept, so an agent never sees an empty message.
 *
 * node-email-reply-parser is a CommonJS port of GitHub's email_reply_parser, the algorithm
 * crisp-oss/email-reply-parser also ports; the crisp package ships ES modules only, which
 * Jest's CommonJS runtime cannot load without a transform.
 */
export function visibleText(fullText: string): string {
  const text = fullText.replace(/\r\n?/g, '\n');
  const visible = parseReply(text, true).trim();
  return visible === '' ? text.trim() : visible;
}
