import { Injectable } from '@nestjs/common';
import { Clock } from '../../clock';
import { SlaApiException } from '../shared/sla-api.exception';
import { SlaConfigTransaction } from '../shared/sla-config.transaction';
import { CalendarRepository, type HolidayRecord } from './calendar.repository';
import { businessCalendarOf, noOpenTimeProblem } from './calendar-definition';
import type { PutHolidayCommand } from './holiday.command';

/** Closes a local date all day (or renames its holiday); refused if no open time would be left. */
@Injectable()
export class PutHolidayUseCase {
  constructor(
    private readonly transaction: SlaConfigTransaction,
    private readonly calendars: CalendarRepository,
    private readonly clock: Clock,
  ) {}

  execute(command: PutHolidayCommand): Promise<{ created: boolean; holiday: HolidayRecord }> {
    const { tenantId, calendarId, date, name } = command;
    return this.transaction.run(tenantId, async (manager) => {
      const calendar = await this.calendars.find(tenantId, calendarId, manager);
      if (!calendar) throw SlaApiException.unknownCalendar(calendarId);
      const holidays = await this.calendars.holidays(tenantId, calendarId, manager);
      const problem = noOpenTimeProblem(
        businessCalendarOf(calendar, [...holidays.map((holiday) => holiday.date), date]),
        this.clock.now(),
        'date',
      );
      if (problem) throw SlaApiException.invalid([problem]);
      const { created } = await this.calendars.putHoliday(manager, tenantId, calendarId, {
        date,
        name,
      });
      return { created, holiday: { date, name } };
    });
  }
}
