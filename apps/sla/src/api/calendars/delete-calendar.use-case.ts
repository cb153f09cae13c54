import { Injectable } from '@nestjs/common';
import { SlaApiErrorCode, SlaApiException } from '../shared/sla-api.exception';
import { SlaConfigTransaction } from '../shared/sla-config.transaction';
import type { CalendarScope } from '../shared/sla-scope';
import { CalendarRepository, type CalendarUsage } from './calendar.repository';

/** Deletes a calendar (and its holidays) that no policy, conversation or clock counts in. */
@Injectable()
export class DeleteCalendarUseCase {
  constructor(
    private readonly transaction: SlaConfigTransaction,
    private readonly calendars: CalendarRepository,
  ) {}

  async execute(command: CalendarScope): Promise<void> {
    const { tenantId, calendarId } = command;
    await this.transaction.run(tenantId, async (manager) => {
      if (!(await this.calendars.find(tenantId, calendarId, manager)))
        throw SlaApiException.unknownCalendar(calendarId);
      const usedBy = describeUsage(await this.calendars.usage(manager, tenantId, calendarId));
      if (usedBy)
        throw new SlaApiException(
          SlaApiErrorCode.CalendarInUse,
          `Calendar ${calendarId} is in use: ${usedBy}`,
        );
      await this.calendars.delete(manager, tenantId, calendarId);
    });
  }
}

/** "policy VIP counts in it; 3 clocks were counted in it", or null when nothing does. */
export function describeUsage(usage: CalendarUsage): string | null {
  const parts: string[] = [];
  if (usage.policies.length === 1) parts.push(`policy ${usage.policies[0]} counts in it`);
  if (usage.policies.length > 1) parts.push(`policies ${usage.policies.join(', ')} count in it`);
  if (usage.conversations > 0)
    parts.push(
      `${usage.conversations} open conversation${usage.conversations > 1 ? 's are' : ' is'} bound to a policy version counting in it`,
    );
  if (usage.clocks > 0)
    parts.push(`${usage.clocks} clock${usage.clocks > 1 ? 's were' : ' was'} counted in it`);
  return parts.length > 0 ? parts.join('; ') : null;
}
