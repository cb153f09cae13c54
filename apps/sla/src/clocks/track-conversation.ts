import { Injectable } from '@nestjs/common';
import { EventOutbox } from '@switchboard/bus';
import type { AnyEnvelope } from '@switchboard/contracts';
import { ConversationClocks, matchPolicy, type SlaPolicy } from '@switchboard/sla';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { loadCalendars } from './calendar-rows';
import { addClockEvents, NO_ESCALATIONS } from './clock-events';
import { clockOf } from './clock-rows';
import { SlaStore } from './sla.store';

/** What happened to a conversation, as its clocks care. Instants are epoch ms. */
export type ConversationHappening =
  | {
      readonly kind: 'customer_message' | 'agent_reply' | 'resolved' | 'reopened';
      readonly at: number;
    }
  | {
      readonly kind: 'status_changed';
      readonly status: 'open' | 'pending' | 'snoozed';
      readonly at: number;
    }
  | {
      /** The router's first queueing of a cycle (`routing.queued`, reason `new`). */
      readonly kind: 'queued';
      readonly queueId: string;
      readonly priority: number;
      readonly channel: string;
      readonly at: number;
    };

/**
 * Applies one event to a conversation's clocks in one transaction: the event is claimed (a
 * redelivery changes nothing), the conversation and its clocks are locked, the pure state
 * machine decides, and the new state and its `sla.*` events (outbox) commit together.
 */
@Injectable()
export class TrackConversation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: SlaStore,
  ) {}

  apply(
    envelope: AnyEnvelope,
    conversationId: string,
    happening: ConversationHappening,
  ): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.store.claimEvent(manager, envelope.id))) return;
      const { tenantId } = envelope;
      const state = await this.store.lockConversation(manager, tenantId, conversationId);
      const rows = await this.store.loadClocks(manager, conversationId, state.cycle);
      // Judged once a cycle (and once ahead for the next): only then is matching worth a read.
      const judging = happening.kind === 'queued' && (!state.policyJudged || !state.nextCycle);
      const policy = judging
        ? await this.matchingPolicy(manager, tenantId, conversationId, happening)
        : null;
      const calendarIds = new Set<string>();
      for (const row of rows) if (row.calendar_id) calendarIds.add(row.calendar_id);
      for (const known of [policy, state.policy, state.nextCycle?.policy])
        if (known?.definition.calendarId) calendarIds.add(known.definition.calendarId);
      const calendars = await loadCalendars(manager, calendarIds);

      const clocks = new ConversationClocks(
        state,
        rows.map((row) => clockOf(row, calendars)),
        randomUUID,
        (id) => calendars.get(id) ?? null,
      );
      switch (happening.kind) {
        case 'customer_message':
          clocks.customerMessage(happening.at);
          break;
        case 'agent_reply':
          clocks.agentReply(happening.at);
          break;
        case 'status_changed':
          clocks.statusChanged(happening.status, happening.at);
          break;
        case 'resolved':
          clocks.resolved(happening.at);
          break;
        case 'reopened':
          clocks.reopened(happening.at);
          break;
        case 'queued':
          clocks.bindPolicy(policy, happening.at);
          break;
      }

      await this.store.saveConversation(manager, conversationId, clocks.state);
      await this.store.saveClocks(manager, tenantId, conversationId, clocks.changed);
      const escalations = clocks.state.policy?.definition.escalations ?? NO_ESCALATIONS;
      const outbox = new EventOutbox({
        tenantId,
        correlationId: envelope.correlationId,
        causationEventId: envelope.id,
      });
      addClockEvents(outbox, conversationId, clocks.events, clocks.dueAt, escalations);
      await outbox.writeTo(manager);
    });
  }

  private async matchingPolicy(
    manager: EntityManager,
    tenantId: string,
    conversationId: string,
    queued: Extract<ConversationHappening, { kind: 'queued' }>,
  ): Promise<SlaPolicy | null> {
    const policies = await this.store.activePolicies(manager, tenantId);
    if (policies.length === 0) return null;
    const needsTier = policies.some((policy) => policy.definition.match.contactTiers?.length);
    return matchPolicy(policies, {
      queueId: queued.queueId,
      channel: queued.channel,
      priority: queued.priority,
      contactTier: needsTier
        ? await this.store.contactTier(manager, tenantId, conversationId)
        : null,
    });
  }
}
