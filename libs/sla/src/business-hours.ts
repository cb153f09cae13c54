import { instantOf, localTimeAt } from './zoned-time';

/**
 * When a team works, in its own time zone: weekly intervals (split shifts are several per
 * day; an interval whose end is not after its start runs past midnight into the next day),
 * whole local dates closed (holidays), and one-off closures between two instants.
 */
export interface BusinessCalendar {
  /** IANA name, e.g. `America/New_York`. */
  readonly timeZone: string;
  /** ISO weekday (1 = Monday … 7 = Sunday) and local wall-clock times `HH:MM` (`24:00` allowed). */
  readonly weekly: readonly {
    readonly day: number;
    readonly start: string;
    readonly end: string;
  }[];
  /** Local dates `YYYY-MM-DD` closed all day. */
  readonly holidays?: readonly string[];
  /** Closed between two instants (epoch ms), e.g. an office move. */
  readonly closures?: readonly { readonly from: number; readonly to: number }[];
}

/** The calendar has not enough open time ahead (within the horizon) for what was asked. */
export class NoOpenTimeError extends Error {
  constructor(horizonDays: number) {
    super(`the calendar has no open time within ${horizonDays} days`);
    this.name = 'NoOpenTimeError';
  }
}

const DAY_MS = 86_400_000;
/** Looking further than this for open time means the calendar has none. */
const HORIZON_DAYS = 3 * 366;

interface Span {
  readonly from: number;
  readonly to: number;
}

function minutesOf(clock: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!match) throw new Error(`"${clock}" is not HH:MM`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > 24 * 60 || Number(match[2]) > 59)
    throw new Error(`"${clock}" is not a time of day`);
  return minutes;
}

/** A local date moved by whole days (calendar arithmetic, no time zone involved). */
function addDays(date: { year: number; month: number; day: number }, days: number) {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

function isoWeekday(date: { year: number; month: number; day: number }): number {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The instant a local date's wall clock shows `minutes` after midnight (24:00 = next midnight). */
function at(timeZone: string, date: { year: number; month: number; day: number }, minutes: number) {
  const day = addDays(date, Math.floor(minutes / 1440));
  const rest = minutes % 1440;
  return instantOf(timeZone, { ...day, hour: Math.floor(rest / 60), minute: rest % 60 });
}

/** The open spans of one local date's own intervals (an overnight one runs into the next date). */
function spansStartingOn(
  calendar: BusinessCalendar,
  date: { year: number; month: number; day: number },
): Span[] {
  const weekday = isoWeekday(date);
  const spans: Span[] = [];
  for (const interval of calendar.weekly) {
    if (interval.day !== weekday) continue;
    const start = minutesOf(interval.start);
    let end = minutesOf(interval.end);
    if (end <= start) end += 1440;
    spans.push({ from: at(calendar.timeZone, date, start), to: at(calendar.timeZone, date, end) });
  }
  return spans;
}

/** Closed spans: holidays (their whole local date) and one-off closures. */
function closedSpans(calendar: BusinessCalendar): Span[] {
  const closed: Span[] = [...(calendar.closures ?? [])];
  for (const holiday of calendar.holidays ?? []) {
    const [year, month, day] = holiday.split('-').map(Number);
    const date = { year: year!, month: month!, day: day! };
    closed.push({ from: at(calendar.timeZone, date, 0), to: at(calendar.timeZone, date, 1440) });
  }
  return closed;
}

function subtract(spans: Span[], closed: readonly Span[]): Span[] {
  let open = spans;
  for (const gap of closed) {
    const next: Span[] = [];
    for (const span of open) {
      if (gap.to <= span.from || gap.from >= span.to) next.push(span);
      else {
        if (span.from < gap.from) next.push({ from: span.from, to: gap.from });
        if (gap.to < span.to) next.push({ from: gap.to, to: span.to });
      }
    }
    open = next;
  }
  return open;
}

/** Merged, ordered open spans of the local dates from `first`, `days` of them. */
function openSpans(calendar: BusinessCalendar, firstInstant: number, days: number): Span[] {
  // The day before too: its overnight interval may reach into the first day.
  const first = addDays(localTimeAt(calendar.timeZone, firstInstant), -1);
  const spans: Span[] = [];
  for (let d = 0; d <= days + 1; d++) spans.push(...spansStartingOn(calendar, addDays(first, d)));
  const open = subtract(spans, closedSpans(calendar)).sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const span of open) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.to)
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, span.to) };
    else if (span.to > span.from) merged.push(span);
  }
  return merged;
}

/** Business seconds from `from` to `to` (0 when `to` is not after `from`). */
export function businessSecondsBetween(
  calendar: BusinessCalendar,
  from: number,
  to: number,
): number {
  if (to <= from) return 0;
  const days = Math.ceil((to - from) / DAY_MS) + 2;
  let total = 0;
  for (const span of openSpans(calendar, from, days)) {
    const start = Math.max(span.from, from);
    const end = Math.min(span.to, to);
    if (end > start) total += end - start;
  }
  return total / 1000;
}

/** The instant `seconds` business seconds after `start`. */
export function addBusinessSeconds(
  calendar: BusinessCalendar,
  start: number,
  seconds: number,
): number {
  if (seconds < 0) throw new Error('seconds cannot be negative');
  let left = seconds * 1000;
  let from = start;
  // Whole weeks at a time keeps long targets (days of business time) cheap.
  for (let scanned = 0; scanned < HORIZON_DAYS; scanned += 14) {
    for (const span of openSpans(calendar, from, 14)) {
      if (span.to <= from) continue;
      const begin = Math.max(span.from, from);
      if (left <= span.to - begin) return begin + left;
      left -= span.to - begin;
      from = span.to;
    }
    from = Math.max(from, start + (scanned + 14) * DAY_MS);
  }
  throw new NoOpenTimeError(HORIZON_DAYS);
}

/** Whether the calendar is open at this instant (judged by its zone's wall clock). */
export function isOpenAt(calendar: BusinessCalendar, instant: number): boolean {
  return openSpans(calendar, instant, 1).some((span) => span.from <= instant && instant < span.to);
}
