import type { Provider, Type } from '@nestjs/common';

/** The SLA REST API: policies, calendars and holidays, and a conversation's clocks. */
export const SLA_API_CONTROLLERS: Type[] = [];
export const SLA_API_PROVIDERS: Provider[] = [];
