import { Injectable } from '@nestjs/common';
import type { AnyEnvelope, TypedEnvelope } from '@switchboard/contracts';
import { chooseRoute, type RoutingDecision } from '@switchboard/routing';
import { RoutingConfigRepository } from '../state/routing-config.repository';
import type { TenantRouter } from '../state/tenant-router';
import { TenantRouters, type RoutingAction } from '../state/tenant-routers';

/** Applies one routing command to the tenant's engine, in the tenant's order. */
@Injectable()
export class RoutingCommandHandler {
  constructor(
    private readonly routers: TenantRouters,
    private readonly config: RoutingConfigRepository,
  ) {}

  async handle(envelope: AnyEnvelope): Promise<void> {
    const action = this.actionFor(envelope);
    if (!action) return;
    // Work commands are idempotent in the engine. Every other command's outcome is recorded,
    // which also skips a redelivery: the API waits for it, and a transfer or an SLA
    // escalation must not be applied twice (nor an old due time over a newer one).
    const fromConversation =
      envelope.type === 'routing.work_requested' || envelope.type === 'routing.work_ended';
    await this.routers.step(
      envelope.tenantId,
      {
        tenantId: envelope.tenantId,
        correlationId: envelope.correlationId,
        causationEventId: envelope.id,
      },
      { commandId: envelope.id, recordOutcome: !fromConversation },
      action,
    );
  }

  private actionFor(envelope: AnyEnvelope): RoutingAction | null {
    switch (envelope.type) {
      case 'routing.work_requested':
        return (router, now) => this.requestWork(router, envelope, now);
      case 'routing.work_ended':
        return (router, now) => router.engine.release(envelope.data.conversationId, now);
      case 'routing.presence_requested':
        return (router, now) =>
          router.engine.setPresence(envelope.data.agentId, envelope.data.presence, now);
      case 'routing.connection_changed':
        return (router, now) =>
          envelope.data.connected
            ? router.engine.agentReconnected(envelope.data.agentId, now)
            : router.engine.agentDisconnected(envelope.data.agentId, now);
      case 'routing.offer_answered': {
        const { conversationId, agentId, answer } = envelope.data;
        return (router, now) =>
          answer === 'accept'
            ? router.engine.accept(conversationId, agentId, now)
            : router.engine.reject(conversationId, agentId, now);
      }
      case 'routing.transfer_requested': {
        const { conversationId, toAgentId, toQueueId } = envelope.data;
        // The API's transfers have no cause; a transfer caused by an event is an SLA
        // escalation's move, which leaves a conversation already in that queue where it is.
        const escalation = envelope.causationId !== null;
        return (router, now) =>
          toAgentId
            ? router.engine.transferToAgent(conversationId, toAgentId, now)
            : escalation
              ? router.engine.escalateToQueue(conversationId, toQueueId!, now)
              : router.engine.transferToQueue(conversationId, toQueueId!, now);
      }
      case 'routing.sla_due_changed': {
        const { conversationId, dueAt } = envelope.data;
        return (router) => {
          router.engine.setSlaDue(conversationId, dueAt === null ? null : Date.parse(dueAt));
          return [];
        };
      }
      case 'routing.priority_raised': {
        const { conversationId, priority } = envelope.data;
        return (router) => {
          router.engine.raisePriority(conversationId, priority);
          return [];
        };
      }
      case 'routing.config_changed':
        return (router, now) => this.reloadConfig(router, envelope, now);
      default:
        return null;
    }
  }

  private async requestWork(
    router: TenantRouter,
    envelope: TypedEnvelope<'routing.work_requested'>,
    now: number,
  ): Promise<RoutingDecision[]> {
    const work = envelope.data;
    // Every customer message asks; only one that finds no routing in progress starts one.
    if (router.engine.findWork(work.conversationId)) return [];
    const route = chooseRoute(
      router.config.rules,
      {
        channel: work.channel,
        channelAccountId: work.channelAccountId,
        language: work.language,
        // Looked up only when a rule asks: it is a round trip on every new conversation's path.
        contactTier: router.config.rules.some((rule) => rule.conditions.contactTiers?.length)
          ? await this.config.findContactTier(envelope.tenantId, work.contactId)
          : null,
        text: work.text,
        at: now,
      },
      router.config.defaultQueueId ?? '',
    );
    // A tenant that routes nothing (no default queue, no rule matched) is not an error per message.
    if (!route.queueId) return [];
    return router.engine.enqueue(
      {
        conversationId: work.conversationId,
        contactId: work.contactId,
        channel: work.channel,
        queueId: route.queueId,
        priority: route.priority,
        skills: route.skills,
        language: route.language,
        ruleId: route.ruleId,
      },
      now,
    );
  }

  /** The API wrote new configuration; the owner applies it from the database. */
  private async reloadConfig(
    router: TenantRouter,
    envelope: TypedEnvelope<'routing.config_changed'>,
    now: number,
  ): Promise<RoutingDecision[]> {
    const { tenantId } = envelope;
    const { subject, id } = envelope.data;
    switch (subject) {
      case 'agent': {
        const profile = await this.config.findAgentProfile(tenantId, id!);
        if (profile) return router.engine.upsertAgent(profile, now);
        return router.engine.findAgent(id!) ? router.engine.removeAgent(id!, now) : [];
      }
      case 'queue': {
        const queue = await this.config.findQueue(tenantId, id!);
        if (queue) return router.engine.upsertQueue(queue, now);
        if (router.engine.findQueue(id!)) router.engine.removeQueue(id!);
        return [];
      }
      case 'rules':
      case 'settings':
        router.config = await this.config.loadConfig(tenantId);
        router.engine.updateSettings(router.config.settings);
        return [];
    }
  }
}
