import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiKeyGuard, TenantId, UuidParamPipe, ZodBodyPipe } from '@switchboard/platform';
import type { Response } from 'express';
import { DeleteCalendarUseCase } from '../api/calendars/delete-calendar.use-case';
import { DeleteHolidayUseCase } from '../api/calendars/delete-holiday.use-case';
import { GetCalendarUseCase } from '../api/calendars/get-calendar.use-case';
import { holidayCommand, putHolidayCommand } from '../api/calendars/holiday.command';
import { ListCalendarsUseCase } from '../api/calendars/list-calendars.use-case';
import { ListHolidaysUseCase } from '../api/calendars/list-holidays.use-case';
import { PutHolidayUseCase } from '../api/calendars/put-holiday.use-case';
import { saveCalendarCommand, SaveCalendarUseCase } from '../api/calendars/save-calendar.use-case';
import { calendarQuery, tenantQuery } from '../api/shared/sla-scope';
import { SlaExceptionFilter } from './sla-exception.filter';
import { HolidayDateParamPipe } from './sla-param.pipes';
import {
  calendarRequestSchema,
  holidayRequestSchema,
  type CalendarRequest,
  type HolidayRequest,
} from './sla.requests';
import {
  calendarResponse,
  holidayResponse,
  type CalendarResponse,
  type HolidayResponse,
} from './sla.responses';

/** Business-hours calendars (weekly hours, closures) and their holidays. */
@Controller('v1/sla/calendars')
@UseGuards(ApiKeyGuard)
@UseFilters(SlaExceptionFilter)
export class CalendarsController {
  constructor(
    private readonly listCalendars: ListCalendarsUseCase,
    private readonly getCalendar: GetCalendarUseCase,
    private readonly saveCalendar: SaveCalendarUseCase,
    private readonly deleteCalendar: DeleteCalendarUseCase,
    private readonly listHolidays: ListHolidaysUseCase,
    private readonly putHoliday: PutHolidayUseCase,
    private readonly deleteHoliday: DeleteHolidayUseCase,
  ) {}

  @Get()
  async list(@TenantId() tenantId: string): Promise<CalendarResponse[]> {
    return (await this.listCalendars.execute(tenantQuery({ tenantId }))).map(calendarResponse);
  }

  /** 201 with the calendar and the id the server gave it. */
  @Post()
  async create(
    @TenantId() tenantId: string,
    @Body(new ZodBodyPipe(calendarRequestSchema)) body: CalendarRequest,
  ): Promise<CalendarResponse> {
    return calendarResponse(
      await this.saveCalendar.execute(
        saveCalendarCommand({ tenantId, calendarId: null, calendar: body }),
      ),
    );
  }

  @Get(':calendarId')
  async get(
    @TenantId() tenantId: string,
    @Param('calendarId', UuidParamPipe) calendarId: string,
  ): Promise<CalendarResponse> {
    return calendarResponse(
      await this.getCalendar.execute(calendarQuery({ tenantId, calendarId })),
    );
  }

  /** Replaces the calendar (its holidays stay). */
  @Put(':calendarId')
  async replace(
    @TenantId() tenantId: string,
    @Param('calendarId', UuidParamPipe) calendarId: string,
    @Body(new ZodBodyPipe(calendarRequestSchema)) body: CalendarRequest,
  ): Promise<CalendarResponse> {
    return calendarResponse(
      await this.saveCalendar.execute(
        saveCalendarCommand({ tenantId, calendarId, calendar: body }),
      ),
    );
  }

  /** 204; 409 while a policy, an open conversation or a clock counts in it. */
  @Delete(':calendarId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async delete(
    @TenantId() tenantId: string,
    @Param('calendarId', UuidParamPipe) calendarId: string,
  ): Promise<void> {
    await this.deleteCalendar.execute(calendarQuery({ tenantId, calendarId }));
  }

  @Get(':calendarId/holidays')
  async holidays(
    @TenantId() tenantId: string,
    @Param('calendarId', UuidParamPipe) calendarId: string,
  ): Promise<HolidayResponse[]> {
    return (await this.listHolidays.execute(calendarQuery({ tenantId, calendarId }))).map(
      holidayResponse,
    );
  }

  /** 201 when the date was open, 200 when its holiday is renamed. */
  @Put(':calendarId/holidays/:date')
  async putHolidayOn(
    @TenantId() tenantId: string,
    @Param('calendarId', UuidParamPipe) calendarId: string,
    @Param('date', HolidayDateParamPipe) date: string,
    @Body(new ZodBodyPipe(holidayRequestSchema)) body: HolidayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HolidayResponse> {
    const { created, holiday } = await this.putHoliday.execute(
      putHolidayCommand({ tenantId, calendarId, date, name: body.name }),
    );
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return holidayResponse(holiday);
  }

  @Delete(':calendarId/holidays/:date')
  @HttpCode(HttpStatus.NO_CONTENT)
  async deleteHolidayOn(
    @TenantId() tenantId: string,
    @Param('calendarId', UuidParamPipe) calendarId: string,
    @Param('date', HolidayDateParamPipe) date: string,
  ): Promise<void> {
    await this.deleteHoliday.execute(holidayCommand({ tenantId, calendarId, date }));
  }
}
