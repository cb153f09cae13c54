import { z } from 'zod';

/**
 * Every command and query names its tenant, checked when it is made: the only way a use case
 * reaches the data.
 */
export const tenantScope = z.object({ tenantId: z.uuid() });
export type TenantQuery = z.output<typeof tenantScope>;
export const tenantQuery = (input: TenantQuery): TenantQuery => tenantScope.parse(input);

/** One of the tenant's calendars. */
export const calendarScope = tenantScope.extend({ calendarId: z.uuid() });
export type CalendarScope = z.output<typeof calendarScope>;
export const calendarQuery = (input: CalendarScope): CalendarScope => calendarScope.parse(input);

/** One of the tenant's policies. */
export const policyScope = tenantScope.extend({ policyId: z.uuid() });
export type PolicyScope = z.output<typeof policyScope>;
export const policyQuery = (input: PolicyScope): PolicyScope => policyScope.parse(input);
