import { Injectable } from '@nestjs/common';
import type { TenantQuery } from '../shared/sla-scope';
import { CalendarRepository, type CalendarRecord } from './calendar.repository';

@Injectable()
export class ListCalendarsUseCase {
  constructor(private readonly calendars: CalendarRepository) {}

  execute(query: TenantQuery): Promise<CalendarRecord[]> {
    return this.calendars.list(query.tenantId);
  }
}
