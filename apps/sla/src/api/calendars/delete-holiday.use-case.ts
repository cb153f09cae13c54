import { Injectable } from '@nestjs/common';
import { SlaApiErrorCode, SlaApiException } from '../shared/sla-api.exception';
import { SlaConfigTransaction } from '../shared/sla-config.transaction';
import { CalendarRepository } from './calendar.repository';
import type { HolidayCommand } from './holiday.command';

@Injectable()
export class DeleteHolidayUseCase {
  constructor(
    private readonly transaction: SlaConfigTransaction,
    private readonly calendars: CalendarRepository,
  ) {}

  execute(command: HolidayCommand): Promise<void> {
    const { tenantId, calendarId, date } = command;
    return this.transaction.run(tenantId, async (manager) => {
      if (!(await this.calendars.find(tenantId, calendarId, manager)))
        throw SlaApiException.unknownCalendar(calendarId);
      if (!(await this.calendars.deleteHoliday(manager, tenantId, calendarId, date)))
        throw new SlaApiException(
          SlaApiErrorCode.UnknownHoliday,
          `Calendar ${calendarId} has no holiday on ${date}`,
        );
    });
  }
}
