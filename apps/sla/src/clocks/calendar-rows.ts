import type { BusinessCalendar } from '@switchboard/sla';
import type { EntityManager } from 'typeorm';

interface CalendarRow {
  id: string;
  time_zone: string;
  weekly: BusinessCalendar['weekly'];
  closures: { from: string; to: string }[];
  holidays: string[];
}

/** The calendars with these ids, with their holidays, as the pure business-hours math takes them. */
export async function loadCalendars(
  manager: EntityManager,
  ids: ReadonlySet<string>,
): Promise<Map<string, BusinessCalendar>> {
  const calendars = new Map<string, BusinessCalendar>();
  if (ids.size === 0) return calendars;
  const rows: CalendarRow[] = await manager.query(
    `SELECT c.id, c.time_zone, c.weekly, c.closures,
            coalesce(array_agg(to_char(h.date, 'YYYY-MM-DD')) FILTER (WHERE h.date IS NOT NULL), '{}') AS holidays
       FROM sla_calendars c LEFT JOIN sla_calendar_holidays h ON h.calendar_id = c.id
      WHERE c.id = ANY($1::uuid[])
      GROUP BY c.id`,
    [[...ids]],
  );
  for (const row of rows) {
    calendars.set(row.id, {
      timeZone: row.time_zone,
      weekly: row.weekly,
      holidays: row.holidays,
      closures: row.closures.map((closure) => ({
        from: Date.parse(closure.from),
        to: Date.parse(closure.to),
      })),
    });
  }
  return calendars;
}
