import { franc } from 'franc-min';

/** Below this many letters a guess is noise ("ok", "thanks!"). */
const MIN_LETTERS = 24;

/**
 * The message's language as an ISO 639-3 code (`eng`, `spa`, `arb`…), or null when the text
 * is too short or franc cannot tell. Routing uses it to find an agent who speaks it.
 */
export function detectLanguage(text: string): string | null {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < MIN_LETTERS) return null;
  const code = franc(text, { minLength: MIN_LETTERS });
  return code === 'und' ? null : code;
}
