import type { InboundMessageReceived, TypedEnvelope } from '@switchboard/contracts';
import type { EventCause } from '@switchboard/bus';

/** One inbound message to thread, with the tenant and the event that carried it. */
export interface RecordInboundMessageCommand extends EventCause {
  message: InboundMessageReceived;
}

export function recordInboundMessageCommandFrom(
  envelope: TypedEnvelope<'inbound.message_received'>,
): RecordInboundMessageCommand {
  return {
    tenantId: envelope.tenantId,
    correlationId: envelope.correlationId,
    causationEventId: envelope.id,
    message: envelope.data,
  };
}
