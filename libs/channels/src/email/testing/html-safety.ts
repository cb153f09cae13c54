/**
 * What would make sanitized HTML unsafe to render: a script element, an event-handler
 * attribute, or a javascript:/data:/vbscript: URL. Reads the sanitizer's output format (every
 * attribute value double-quoted, `"` and `<` escaped), so text that merely mentions
 * "onload=" is not mistaken for an attribute.
 */
export function htmlSafetyProblems(html: string): string[] {
  const problems: string[] = [];
  if (/<\s*script/i.test(html)) problems.push('script element');
  for (const tag of html.matchAll(/<([a-z][a-z0-9]*)((?:\s+[^\s=>"/]+(?:="[^"]*")?)*)\s*\/?>/gi)) {
    for (const [, name, value = ''] of tag[2].matchAll(/\s+([^\s=>"/]+)(?:="([^"]*)")?/g)) {
      if (/^on/i.test(name)) problems.push(`event handler ${name} on <${tag[1]}>`);
      if (/^(?:javascript|vbscript|data):/i.test(withoutControls(value))) {
        problems.push(`${name}="${value}" on <${tag[1]}>`);
      }
    }
  }
  // A "<" that starts no tag the pattern above understood is a tag it could not check.
  const unchecked = html.replace(/<\/?[a-z][a-z0-9]*(?:\s+[^\s=>"/]+(?:="[^"]*")?)*\s*\/?>/gi, '');
  if (/<[a-z!/?]/i.test(unchecked)) problems.push('markup the check cannot read');
  return problems;
}

/** Browsers ignore whitespace and control characters inside a URL scheme ("java\tscript:"). */
function withoutControls(value: string): string {
  return [...value].filter((char) => char.charCodeAt(0) > 0x20).join('');
}
