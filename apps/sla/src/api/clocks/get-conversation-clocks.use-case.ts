import { Injectable } from '@nestjs/common';
import type { SlaMetric } from '@switchboard/contracts';
import { standing, type ClockStatus } from '@switchboard/sla';
import { z } from 'zod';
import { Clock } from '../../clock';
import { clockOf } from '../../clocks/clock-rows';
import { SlaApiErrorCode, SlaApiException } from '../shared/sla-api.exception';
import { tenantScope } from '../shared/sla-scope';
import {
  ConversationClocksRepository,
  type ConversationSlaRecord,
} from './conversation-clocks.repository';

const conversationScope = tenantScope.extend({ conversationId: z.uuid() });

/** One conversation of the tenant, as the SLA service knows it. */
export type ConversationClocksQuery = z.output<typeof conversationScope>;
export const conversationClocksQuery = (input: ConversationClocksQuery): ConversationClocksQuery =>
  conversationScope.parse(input);

/** A clock as stored, with where it stands at `asOf`. */
export interface ClockView {
  readonly id: string;
  readonly metric: SlaMetric;
  readonly cycle: number;
  readonly ordinal: number;
  readonly policyId: string;
  readonly policyVersion: number;
  readonly targetSeconds: number;
  readonly businessHours: boolean;
  readonly status: ClockStatus;
  readonly pausedBy: 'pending' | 'snoozed' | null;
  readonly startedAt: number;
  readonly dueAt: number | null;
  readonly warnedAt: number | null;
  readonly breachedAt: number | null;
  readonly endedAt: number | null;
  /** Of the target (business seconds for business-hours clocks), what is left at `asOf`… */
  readonly remainingSeconds: number;
  /** …and how far past it the clock is. */
  readonly overdueSeconds: number;
}

export interface ConversationClocks {
  readonly conversation: ConversationSlaRecord;
  readonly clocks: readonly ClockView[];
  /** The instant the standings were computed for. */
  readonly asOf: number;
}

/** Seconds to the millisecond: float noise from business-hours sums is not news. */
const toMs = (seconds: number): number => Math.round(seconds * 1000) / 1000;

/** A conversation's SLA state and every clock it has had, each standing computed now. */
@Injectable()
export class GetConversationClocksUseCase {
  constructor(
    private readonly store: ConversationClocksRepository,
    private readonly clock: Clock,
  ) {}

  async execute(query: ConversationClocksQuery): Promise<ConversationClocks> {
    const { tenantId, conversationId } = query;
    const conversation = await this.store.conversation(tenantId, conversationId);
    if (!conversation)
      throw new SlaApiException(
        SlaApiErrorCode.UnknownConversation,
        `The SLA service has not seen conversation ${conversationId}`,
      );
    const rows = await this.store.clocks(tenantId, conversationId);
    const calendarIds = new Set(
      rows.flatMap((row) => (row.business_hours && row.calendar_id ? [row.calendar_id] : [])),
    );
    const calendars = await this.store.calendars(tenantId, calendarIds);
    const asOf = this.clock.now();
    const clocks = rows.map((row): ClockView => {
      const clock = clockOf(row, calendars);
      const { remainingSeconds, overdueSeconds } = standing(clock.state, clock.timing, asOf);
      return {
        id: row.id,
        metric: row.metric,
        cycle: row.cycle,
        ordinal: row.ordinal,
        policyId: row.policy_id,
        policyVersion: row.policy_version,
        targetSeconds: row.target_seconds,
        businessHours: row.business_hours,
        status: clock.state.status,
        pausedBy: clock.state.pausedBy,
        startedAt: clock.state.startedAt,
        dueAt: clock.state.dueAt,
        warnedAt: clock.state.warnedAt,
        breachedAt: clock.state.breachedAt,
        endedAt: clock.state.endedAt,
        remainingSeconds: toMs(remainingSeconds),
        overdueSeconds: toMs(overdueSeconds),
      };
    });
    return { conversation, clocks, asOf };
  }
}
