/** A local wall-clock date and time in some time zone. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** The wall clock of `timeZone` at an instant (seconds dropped). */
export function localTimeAt(timeZone: string, instant: number): LocalDateTime & { second: number } {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** UTC offset of the zone at an instant, in ms (local = instant + offset). */
function offsetAt(timeZone: string, instant: number): number {
  const local = localTimeAt(timeZone, instant);
  const asUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

function sameWallTime(timeZone: string, instant: number, wall: LocalDateTime): boolean {
  const local = localTimeAt(timeZone, instant);
  return (
    local.year === wall.year &&
    local.month === wall.month &&
    local.day === wall.day &&
    local.hour === wall.hour &&
    local.minute === wall.minute
  );
}

/**
 * The instant a wall-clock time happens in the zone. Twice-lived times (clocks going back)
 * give the first; times that never happen (clocks going forward) give the instant the gap
 * ends, so an interval of wall time counts only the time that exists.
 */
export function instantOf(timeZone: string, wall: LocalDateTime): number {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const day = 86_400_000;
  const earlier = naive - offsetAt(timeZone, naive - day);
  const later = naive - offsetAt(timeZone, naive + day);
  const candidates = [earlier, later, naive - offsetAt(timeZone, naive)]
    .filter((instant) => sameWallTime(timeZone, instant, wall))
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0]!;
  // In a gap: find the transition between the two offsets (to the minute, then the ms).
  let low = Math.min(earlier, later);
  let high = Math.max(earlier, later);
  const before = offsetAt(timeZone, low);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(timeZone, middle) === before) low = middle;
    else high = middle;
  }
  return high;
}
