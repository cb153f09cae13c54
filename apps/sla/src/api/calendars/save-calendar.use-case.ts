import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Clock } from '../../clock';
import { SlaApiException } from '../shared/sla-api.exception';
import { calendarDefinitionSchema } from '../shared/sla-config.schemas';
import { SlaConfigTransaction } from '../shared/sla-config.transaction';
import { tenantScope } from '../shared/sla-scope';
import { CalendarRepository, type CalendarRecord } from './calendar.repository';
import { businessCalendarOf, closedByField, noOpenTimeProblem } from './calendar-definition';

const saveCalendarInput = tenantScope.extend({
  /** Null to create one (the server makes its id), else the calendar to replace. */
  calendarId: z.uuid().nullable(),
  calendar: calendarDefinitionSchema,
});

/** Create a calendar, or replace one (its holidays stay). */
export type SaveCalendarCommand = z.output<typeof saveCalendarInput>;

export function saveCalendarCommand(input: z.input<typeof saveCalendarInput>): SaveCalendarCommand {
  return saveCalendarInput.parse(input);
}

/**
 * Stores a calendar with a name of its own that leaves open time (with its holidays) from now
 * on. Replacing one changes the hours the clocks counted in it use from then on.
 */
@Injectable()
export class SaveCalendarUseCase {
  constructor(
    private readonly transaction: SlaConfigTransaction,
    private readonly calendars: CalendarRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: SaveCalendarCommand): Promise<CalendarRecord> {
    const { tenantId, calendarId, calendar } = command;
    return this.transaction.run(tenantId, async (manager) => {
      if (calendarId !== null && !(await this.calendars.find(tenantId, calendarId, manager)))
        throw SlaApiException.unknownCalendar(calendarId);
      const holidays =
        calendarId === null ? [] : await this.calendars.holidays(tenantId, calendarId, manager);
      const problem = noOpenTimeProblem(
        businessCalendarOf(
          calendar,
          holidays.map((holiday) => holiday.date),
        ),
        this.clock.now(),
        closedByField(calendar),
      );
      if (problem) throw SlaApiException.invalid([problem]);
      if (await this.calendars.nameTaken(manager, tenantId, calendar.name, calendarId))
        throw SlaApiException.nameTaken('calendar', calendar.name);
      return calendarId === null
        ? this.calendars.insert(manager, tenantId, randomUUID(), calendar)
        : (await this.calendars.replace(manager, tenantId, calendarId, calendar))!;
    });
  }
}
