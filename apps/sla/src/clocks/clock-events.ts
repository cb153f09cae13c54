import type { EventOutbox } from '@switchboard/bus';
import type { SlaEscalationAction } from '@switchboard/contracts';
import { standing, type ClockEvent, type SlaClock } from '@switchboard/sla';
import { isoOrNull } from './instants';

/** What escalates a clock's warning and breach: from the policy version the clock runs under. */
export interface ClockEscalations {
  readonly onWarning: readonly SlaEscalationAction[];
  readonly onBreach: readonly SlaEscalationAction[];
}

export const NO_ESCALATIONS: ClockEscalations = { onWarning: [], onBreach: [] };

function clockFields(
  clock: SlaClock,
  conversationId: string,
  at: number,
  conversationDueAt: number | null,
) {
  return {
    clockId: clock.id,
    conversationId,
    metric: clock.metric,
    policyId: clock.policyId,
    policyVersion: clock.policyVersion,
    targetSeconds: clock.timing.targetSeconds,
    businessHours: clock.timing.calendar !== null,
    dueAt: isoOrNull(clock.state.dueAt),
    ...standing(clock.state, clock.timing, at),
    conversationDueAt: isoOrNull(conversationDueAt),
    at: new Date(at).toISOString(),
  };
}

/**
 * Announces clock changes as `sla.*` events keyed by conversation. Each carries the
 * conversation's earliest due time after the whole change, for the router's ordering.
 */
export function addClockEvents(
  outbox: EventOutbox,
  conversationId: string,
  events: readonly ClockEvent[],
  conversationDueAt: number | null,
  escalations: ClockEscalations,
): void {
  for (const event of events) {
    const fields = clockFields(event.clock, conversationId, event.at, conversationDueAt);
    switch (event.type) {
      case 'started':
        outbox.add('sla.started', conversationId, fields);
        break;
      case 'paused':
        outbox.add('sla.paused', conversationId, { ...fields, status: event.status });
        break;
      case 'resumed':
        outbox.add('sla.resumed', conversationId, fields);
        break;
      case 'met':
        outbox.add('sla.met', conversationId, {
          ...fields,
          breached: event.clock.state.breachedAt !== null,
        });
        break;
      case 'stopped':
        outbox.add('sla.stopped', conversationId, {
          ...fields,
          reason: 'resolved',
          breached: event.clock.state.breachedAt !== null,
        });
        break;
      case 'warning':
        outbox.add('sla.warning', conversationId, {
          ...fields,
          // Only a clock whose policy warns has a warning to fire.
          warnAtPercent: event.clock.timing.warnAtPercent!,
          lateByMs: Math.max(0, Math.round(event.firing.lateByMs)),
          escalations: [...escalations.onWarning],
        });
        break;
      case 'breached':
        outbox.add('sla.breached', conversationId, {
          ...fields,
          lateByMs: Math.max(0, Math.round(event.firing.lateByMs)),
          escalations: [...escalations.onBreach],
        });
        break;
    }
  }
}
