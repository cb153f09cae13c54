import { inboundMessageReceivedV1, inboundStatusReceivedV1 } from '@switchboard/contracts';
import type { ParsedInbound } from '../../parsed-inbound';

/**
 * Validates an event the way the gateway's codec will, with the fields only the gateway fills
 * in: an event the codec rejected would be lost after the provider's POST was acknowledged.
 */
export function expectContractValid(event: ParsedInbound): void {
  const gatewayFields = { channelAccountId: null, receivedAt: '2026-01-01T00:00:00.000Z' };
  if (event.type === 'inbound.message_received') {
    inboundMessageReceivedV1.parse({ ...event.data, ...gatewayFields });
  } else if (event.type === 'inbound.status_received') {
    inboundStatusReceivedV1.parse({ ...event.data, channelAccountId: null });
  } else {
    throw new Error(`email adapters do not emit ${event.type}`);
  }
}
