import { Injectable } from '@nestjs/common';
import { SlaApiException } from '../shared/sla-api.exception';
import type { CalendarScope } from '../shared/sla-scope';
import { CalendarRepository, type HolidayRecord } from './calendar.repository';

@Injectable()
export class ListHolidaysUseCase {
  constructor(private readonly calendars: CalendarRepository) {}

  async execute(query: CalendarScope): Promise<HolidayRecord[]> {
    if (!(await this.calendars.find(query.tenantId, query.calendarId)))
      throw SlaApiException.unknownCalendar(query.calendarId);
    return this.calendars.holidays(query.tenantId, query.calendarId);
  }
}
