import { Injectable } from '@nestjs/common';
import { SlaApiException } from '../shared/sla-api.exception';
import type { CalendarScope } from '../shared/sla-scope';
import { CalendarRepository, type CalendarRecord } from './calendar.repository';

@Injectable()
export class GetCalendarUseCase {
  constructor(private readonly calendars: CalendarRepository) {}

  async execute(query: CalendarScope): Promise<CalendarRecord> {
    const calendar = await this.calendars.find(query.tenantId, query.calendarId);
    if (!calendar) throw SlaApiException.unknownCalendar(query.calendarId);
    return calendar;
  }
}
