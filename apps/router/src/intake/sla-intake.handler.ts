import { Controller, UseFilters } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { BusExceptionFilter } from '@switchboard/bus';
import { Topics, type AnyEnvelope, type EventData } from '@switchboard/contracts';
import { RoutingCommandPublisher } from '../commands/routing-command.publisher';
import { commandIdFor } from './command-id';

/** A routing command an SLA event asks for; `part` names it among the event's commands. */
export type SlaRoutingCommand =
  | {
      readonly part: string;
      readonly type: 'routing.sla_due_changed';
      readonly data: EventData<'routing.sla_due_changed'>;
    }
  | {
      readonly part: string;
      readonly type: 'routing.priority_raised';
      readonly data: EventData<'routing.priority_raised'>;
    }
  | {
      readonly part: string;
      readonly type: 'routing.transfer_requested';
      readonly data: EventData<'routing.transfer_requested'>;
    };

/**
 * What routing does about an SLA event, in order: every clock change sets the conversation's
 * due time (its earliest running clock's, or none); a warning or breach then raises the
 * priority and moves the conversation to a queue as its escalations say. Priority goes first,
 * so the move already queues the conversation at the raised priority. Notifying supervisors
 * is the desk's business, not routing's.
 */
export function slaRoutingCommands(envelope: AnyEnvelope): SlaRoutingCommand[] {
  switch (envelope.type) {
    case 'sla.started':
    case 'sla.paused':
    case 'sla.resumed':
    case 'sla.met':
    case 'sla.stopped':
      return [dueChanged(envelope.data)];
    case 'sla.warning':
    case 'sla.breached': {
      const { conversationId, escalations } = envelope.data;
      const raises: SlaRoutingCommand[] = [];
      const moves: SlaRoutingCommand[] = [];
      escalations.forEach((action, index) => {
        const part = `escalation:${index}`;
        if (action.type === 'raise_priority')
          raises.push({
            part,
            type: 'routing.priority_raised',
            data: { conversationId, priority: action.priority },
          });
        else if (action.type === 'move_to_queue')
          moves.push({
            part,
            type: 'routing.transfer_requested',
            data: { conversationId, toAgentId: null, toQueueId: action.queueId },
          });
      });
      return [dueChanged(envelope.data), ...raises, ...moves];
    }
    default:
      return [];
  }
}

function dueChanged(clock: { conversationId: string; conversationDueAt: string | null }) {
  return {
    part: 'sla_due',
    type: 'routing.sla_due_changed' as const,
    data: { conversationId: clock.conversationId, dueAt: clock.conversationDueAt },
  };
}

/**
 * SLA events are keyed by conversation; routing needs them keyed by tenant (like the
 * conversation intake). Each command's id is derived from the event id and the command's
 * part, and the router records these commands' outcomes, so a redelivered event changes
 * nothing more. The moves are transfers caused by an event: the router tells them from the
 * API's transfers by that cause (see RoutingCommandHandler).
 */
@Controller()
@UseFilters(BusExceptionFilter)
export class SlaIntakeHandler {
  constructor(private readonly commands: RoutingCommandPublisher) {}

  @EventPattern(Topics.slaEvents)
  async handle(@Payload() envelope: AnyEnvelope): Promise<void> {
    // One at a time: the commands share the tenant's partition and must stay in this order.
    for (const command of slaRoutingCommands(envelope)) {
      await this.commands.send(envelope.tenantId, command.type, command.data, {
        id: commandIdFor(envelope.id, command.part),
        causationId: envelope.id,
        correlationId: envelope.correlationId,
      });
    }
  }
}
