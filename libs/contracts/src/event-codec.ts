import { randomUUID } from 'node:crypto';
import { ContractViolationError } from './contract-violation.error';
import { envelopeSchema, type Envelope } from './envelope';
import { EVENT_CATALOG, isEventType, type EventData, type EventType } from './event-catalog';

export interface EnvelopeContext {
  tenantId: string;
  correlationId: string;
  causationId?: string | null;
  occurredAt?: Date;
  id?: string;
}

export type TypedEnvelope<T extends EventType> = Envelope<EventData<T>> & { type: T };

export type AnyEnvelope = { [T in EventType]: TypedEnvelope<T> }[EventType];

/** Builds an envelope and validates its data, so a producer cannot send what a consumer rejects. */
export function createEnvelope<T extends EventType>(
  type: T,
  data: EventData<T>,
  context: EnvelopeContext,
): TypedEnvelope<T> {
  const entry = EVENT_CATALOG[type];
  const parsed = entry.schema.safeParse(data);
  if (!parsed.success) {
    throw ContractViolationError.fromZod(`Invalid ${type} data`, parsed.error);
  }
  return {
    id: context.id ?? randomUUID(),
    type,
    schemaVersion: entry.version,
    tenantId: context.tenantId,
    occurredAt: (context.occurredAt ?? new Date()).toISOString(),
    correlationId: context.correlationId,
    causationId: context.causationId ?? null,
    data: parsed.data as EventData<T>,
  };
}

export function encodeEnvelope(envelope: Envelope): Buffer {
  return Buffer.from(JSON.stringify(envelope));
}

/** Parses and validates bytes from the bus: envelope shape, known type, version and data. */
export function decodeEnvelope(bytes: Buffer | string): AnyEnvelope {
  let json: unknown;
  try {
    json = JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
  } catch {
    throw new ContractViolationError('Message is not JSON', ['(root): unparseable']);
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    throw ContractViolationError.fromZod('Invalid envelope', envelope.error);
  }
  const { type, schemaVersion } = envelope.data;
  if (!isEventType(type)) {
    throw new ContractViolationError('Unknown event type', [`type: ${type}`]);
  }
  const entry = EVENT_CATALOG[type];
  if (schemaVersion !== entry.version) {
    throw new ContractViolationError(`Unsupported ${type} version`, [
      `schemaVersion: ${schemaVersion}, expected ${entry.version}`,
    ]);
  }
  const data = entry.schema.safeParse(envelope.data.data);
  if (!data.success) {
    throw ContractViolationError.fromZod(`Invalid ${type} data`, data.error);
  }
  return { ...envelope.data, type, data: data.data } as AnyEnvelope;
}
