import {
  createEnvelope,
  encodeEnvelope,
  EVENT_CATALOG,
  type EventData,
  type EventType,
} from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { appendToOutbox, type OutboxEntry } from './outbox';

/** Who caused the events a transaction writes: the tenant and the event or request behind them. */
export interface EventCause {
  tenantId: string;
  correlationId: string;
  causationEventId: string | null;
}

/**
 * Collects a transaction's events and writes them to the outbox with it. The key decides
 * the partition (and so the order consumers see).
 */
export class EventOutbox {
  private readonly entries: OutboxEntry[] = [];

  constructor(private readonly cause: EventCause) {}

  get size(): number {
    return this.entries.length;
  }

  add<T extends EventType>(type: T, key: string, data: EventData<T>): void {
    const envelope = createEnvelope(type, data, {
      tenantId: this.cause.tenantId,
      correlationId: this.cause.correlationId,
      causationId: this.cause.causationEventId,
    });
    this.entries.push({
      eventId: envelope.id,
      topic: EVENT_CATALOG[type].topic,
      key,
      payload: encodeEnvelope(envelope),
      headers: {
        'event-id': envelope.id,
        'event-type': envelope.type,
        'correlation-id': envelope.correlationId,
      },
    });
  }

  /** The entries, for a caller that writes them in a statement of its own. */
  get collected(): readonly OutboxEntry[] {
    return this.entries;
  }

  writeTo(manager: EntityManager): Promise<void> {
    return appendToOutbox(manager, this.entries);
  }
}
