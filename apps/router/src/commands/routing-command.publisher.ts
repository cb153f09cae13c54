import { Inject, Injectable } from '@nestjs/common';

import {
  createEnvelope,
  encodeEnvelope,
  Topics,
  type EventData,
  type EventType,
} from '@switchboard/contracts';
import { correlationIdOrNew } from '@switchboard/observability';
import { EVENT_BUS } from '@switchboard/platform';
import { DataSource } from 'typeorm';
import { sleep, type EventBus } from '@switchboard/bus';

export type RoutingCommandType = Extract<
  EventType,
  | 'routing.work_requested'
  | 'routing.work_ended'
  | 'routing.presence_requested'
  | 'routing.connection_changed'
  | 'routing.offer_answered'
  | 'routing.transfer_requested'
  | 'routing.config_changed'
  | 'routing.sla_due_changed'
  | 'routing.priority_raised'
>;

export type CommandOutcome =
  | { readonly status: 'applied' }
  | { readonly status: 'refused'; readonly code: string; readonly message: string }
  /** The owner has not applied it yet (it will: the command is on Kafka). */
  | { readonly status: 'pending' };

/**
 * Sends commands to the router that owns the tenant: keyed by tenant on the commands topic,
 * so they are applied in order by one replica, whichever receives the HTTP request.
 */
@Injectable()
export class RoutingCommandPublisher {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly dataSource: DataSource,
  ) {}

  /** Resolves once Kafka has the command (acks=all); returns its id. */
  async send<T extends RoutingCommandType>(
    tenantId: string,
    type: T,
    data: EventData<T>,
    options: { id?: string; causationId?: string | null; correlationId?: string } = {},
  ): Promise<string> {
    const envelope = createEnvelope(type, data, {
      tenantId,
      id: options.id,
      correlationId: options.correlationId ?? correlationIdOrNew(),
      causationId: options.causationId ?? null,
    });
    await this.bus.publish(Topics.routingCommands, [
      {
        key: tenantId,
        value: encodeEnvelope(envelope),
        headers: { 'event-id': envelope.id, 'event-type': envelope.type },
      },
    ]);
    return envelope.id;
  }

  /** Sends, then waits (bounded) for the owning router to record the outcome. */
  async sendAndWait<T extends RoutingCommandType>(
    tenantId: string,
    type: T,
    data: EventData<T>,
    timeoutMs = 5_000,
  ): Promise<{ commandId: string; outcome: CommandOutcome }> {
    const commandId = await this.send(tenantId, type, data);
    const deadline = Date.now() + timeoutMs;
    for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
      const rows: { outcome: 'applied' | 'refused'; error_code: string; message: string }[] =
        await this.dataSource.query(
          `SELECT outcome, error_code, message FROM routing_command_results
            WHERE command_id = $1 AND tenant_id = $2`,
          [commandId, tenantId],
        );
      const row = rows[0];
      if (row)
        return {
          commandId,
          outcome:
            row.outcome === 'applied'
              ? { status: 'applied' }
              : { status: 'refused', code: row.error_code, message: row.message },
        };
      if (Date.now() >= deadline) return { commandId, outcome: { status: 'pending' } };
      await sleep(wait);
    }
  }
}
