import type { z } from 'zod';
import { holidayDateSchema, holidayNameSchema } from '../shared/sla-config.schemas';
import { calendarScope } from '../shared/sla-scope';

const holidayScope = calendarScope.extend({ date: holidayDateSchema });
const putHolidayInput = holidayScope.extend({ name: holidayNameSchema });

/** One holiday (a local date) of one of the tenant's calendars. */
export type HolidayCommand = z.output<typeof holidayScope>;
/** Close a local date all day, under a name. */
export type PutHolidayCommand = z.output<typeof putHolidayInput>;

export const holidayCommand = (input: HolidayCommand): HolidayCommand => holidayScope.parse(input);
export const putHolidayCommand = (input: PutHolidayCommand): PutHolidayCommand =>
  putHolidayInput.parse(input);
