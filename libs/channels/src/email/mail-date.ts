const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 5322 §4.3 obsolete zone names, in minutes east of UTC. */
const NAMED_ZONES: Readonly<Record<string, number>> = {
  ut: 0,
  gmt: 0,
  utc: 0,
  z: 0,
  edt: -4 * 60,
  est: -5 * 60,
  cdt: -5 * 60,
  cst: -6 * 60,
  mdt: -6 * 60,
  mst: -7 * 60,
  pdt: -7 * 60,
  pst: -8 * 60,
};

// [day-of-week ","] day month year hour ":" minute [":" second] zone, comments and folding allowed.
const DATE_TIME =
  /^(?:[a-z]{3},)?\s*(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,5})?/i;

/**
 * An RFC 5322 Date header as an ISO instant, or null when it cannot be read. Written out rather
 * than left to `Date.parse`, which reads a date without a zone in the machine's local time and
 * accepts things like "12" as a date; mailparser even substitutes the current time.
 */
export function parseMailDate(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const match = DATE_TIME.exec(text);
  if (match === null) return null;
  const [, day, monthName, yearText, hour, minute, second, zone] = match;
  const month = MONTHS.indexOf(monthName.toLowerCase());
  const offset = zoneOffsetMinutes(zone);
  if (month < 0 || offset === null) return null;
  const year = fullYear(yearText);
  const fields = [Number(day), Number(hour), Number(minute), Number(second ?? '0')];
  const [d, h, m, s] = fields;
  if (d < 1 || d > 31 || h > 23 || m > 59 || s > 60 || year < 1900 || year > 9999) return null;
  // Rejects 31 February and the like, which Date.UTC silently rolls over into March.
  if (new Date(Date.UTC(year, month, d)).getUTCMonth() !== month) return null;
  // A leap second (:60) is read as :59, which an ISO instant can hold.
  const utc = Date.UTC(year, month, d, h, m, Math.min(s, 59)) - offset * 60_000;
  return new Date(utc).toISOString();
}

/** RFC 5322 §4.3: two-digit years below 50 are 20xx, three-digit years add 1900. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 2) return year < 50 ? 2000 + year : 1900 + year;
  if (text.length === 3) return 1900 + year;
  return year;
}

/** A missing or military zone counts as UTC (RFC 5322 §4.3); an unknown name is unreadable. */
function zoneOffsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined) return 0;
  if (/^[+-]\d{4}$/.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(3, 5));
    if (minutes > 59) return null;
    return sign * (hours * 60 + minutes);
  }
  const lower = zone.toLowerCase();
  if (lower in NAMED_ZONES) return NAMED_ZONES[lower];
  return lower.length === 1 ? 0 : null;
}
