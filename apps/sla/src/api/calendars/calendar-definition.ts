import { addBusinessSeconds, type BusinessCalendar } from '@switchboard/sla';
import type { FieldProblem } from '../shared/sla-api.exception';
import type { CalendarDefinition } from '../shared/sla-config.schemas';

/** The calendar as the business-hours math takes it (instants in epoch ms). */
export function businessCalendarOf(
  calendar: Pick<CalendarDefinition, 'timeZone' | 'weekly' | 'closures'>,
  holidays: readonly string[],
): BusinessCalendar {
  return {
    timeZone: calendar.timeZone,
    weekly: calendar.weekly,
    holidays,
    closures: calendar.closures.map((closure) => ({
      from: Date.parse(closure.from),
      to: Date.parse(closure.to),
    })),
  };
}

/**
 * Why a business-hours clock could never run out under this calendar from `now` (its
 * closures and holidays leave no open time), blaming `field`; null when it has open time.
 * Refused when written, so a clock never waits for an hour that does not come.
 */
export function noOpenTimeProblem(
  calendar: BusinessCalendar,
  now: number,
  field: string,
): FieldProblem | null {
  try {
    addBusinessSeconds(calendar, now, 1);
    return null;
  } catch {
    return {
      field,
      problem: 'leaves the calendar no open time in the years ahead (no clock could run out)',
    };
  }
}

/** The field a calendar without open time is blamed on: its closures, when it has any. */
export const closedByField = (calendar: Pick<CalendarDefinition, 'closures'>): string =>
  calendar.closures.length > 0 ? 'closures' : 'weekly';
