import { Inject, Injectable } from '@nestjs/common';
import {
  WebhookInputError,
  type InboundChannelAdapter,
  type ParsedInbound,
  type WebhookDestination,
  type WebhookRequest,
} from '@switchboard/channels';
import {
  ContractViolationError,
  createEnvelope,
  toStorableDeep,
  type AnyEnvelope,
} from '@switchboard/contracts';
import type { SecretsCipher } from '@switchboard/db';
import { correlationIdOrNew } from '@switchboard/observability';
import { GatewayException } from '../gateway.exception';
import { InboundPublisher } from '../inbound-publisher';
import {
  ChannelAccountRepository,
  type ChannelAccountRecord,
} from '../webhooks/channel-account.repository';
import { WebhookDeliveryRepository } from '../webhooks/webhook-delivery.repository';

export const SECRETS_CIPHER = Symbol('SECRETS_CIPHER');

export interface ReceiveWebhookCommand {
  adapter: InboundChannelAdapter<never>;
  request: WebhookRequest;
  receivedAt: Date;
}

export type ReceiveWebhookResult = { outcome: 'accepted' | 'duplicate'; events: number };

/**
 * Takes one provider webhook from bytes to the bus: find the channel account it is addressed
 * to (404), verify the provider's signature with that account's secret (401/403), parse
 * (400), skip a delivery already accepted, publish every fact (acks=all), and only then
 * remember the delivery and let the controller answer 2xx.
 */
@Injectable()
export class ReceiveWebhookUseCase {
  constructor(
    private readonly accounts: ChannelAccountRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    @Inject(SECRETS_CIPHER) private readonly cipher: SecretsCipher,
    private readonly publisher: InboundPublisher,
  ) {}

  async execute(command: ReceiveWebhookCommand): Promise<ReceiveWebhookResult> {
    const { adapter, request, receivedAt } = command;
    const destinations = guard(
      () => adapter.destinations?.(request) ?? [adapter.destination(request)],
    );
    // A batch that names no account (Meta `entry: []`) has nothing to route: malformed.
    if (destinations.length === 0) throw GatewayException.malformed('the request names no account');
    const accounts = new Map<string, ChannelAccountRecord>();
    for (const destination of destinations) {
      const account = await this.accounts.findActive(
        destination.channel,
        destination.accountExternalId,
      );
      if (account) accounts.set(destinationKey(destination), account);
    }
    if (accounts.size === 0) {
      const [first] = destinations;
      throw GatewayException.unknownChannelAccount(first.channel, first.accountExternalId);
    }
    // Every account the request speaks for must vouch for it with its own secret.
    for (const account of accounts.values()) {
      const secrets = this.cipher.decrypt(account.secretsCiphertext) as never;
      const verdict = adapter.verify(request, secrets, receivedAt);
      if (!verdict.ok) throw GatewayException.rejectedSignature(verdict.status, verdict.reason);
    }

    const slices = await guardAsync(async () =>
      adapter.parseByDestination
        ? adapter.parseByDestination(request, receivedAt)
        : [{ destination: destinations[0], webhook: await adapter.parse(request, receivedAt) }],
    );
    const correlationId = correlationIdOrNew();
    const accepted: Array<{ account: ChannelAccountRecord; deliveryId: string }> = [];
    const envelopes: AnyEnvelope[] = [];
    for (const { destination, webhook } of slices) {
      // Accounts nobody connected here (a shared app's other pages) are skipped, not failed.
      const account = accounts.get(destinationKey(destination));
      if (!account || (await this.deliveries.wasAccepted(account.id, webhook.deliveryId))) continue;
      accepted.push({ account, deliveryId: webhook.deliveryId });
      for (const event of webhook.events) {
        envelopes.push(guard(() => toEnvelope(event, account, receivedAt, correlationId)));
      }
    }
    if (accepted.length === 0) return { outcome: 'duplicate', events: 0 };
    if (envelopes.length > 0) await this.publish(envelopes);
    for (const { account, deliveryId } of accepted) {
      await this.deliveries.recordAccepted(account.id, deliveryId);
    }
    return { outcome: 'accepted', events: envelopes.length };
  }

  private async publish(envelopes: AnyEnvelope[]): Promise<void> {
    try {
      await this.publisher.publish(envelopes);
    } catch (error) {
      throw GatewayException.busUnavailable(error);
    }
  }
}

function destinationKey(destination: WebhookDestination): string {
  return `${destination.channel}:${destination.accountExternalId}`;
}

function toEnvelope(
  event: ParsedInbound,
  account: ChannelAccountRecord,
  receivedAt: Date,
  correlationId: string,
): AnyEnvelope {
  // Providers can send NULs or broken Unicode that PostgreSQL refuses: clean, don't drop.
  const data = {
    ...toStorableDeep(event.data),
    channelAccountId: account.id,
    // Only a new message records when we got it; the other facts carry their own time.
    ...(event.type === 'inbound.message_received' ? { receivedAt: receivedAt.toISOString() } : {}),
  };
  // createEnvelope validates `data` against the event type's schema at run time.
  return createEnvelope(event.type, data as never, {
    tenantId: account.tenantId,
    correlationId,
  }) as AnyEnvelope;
}

function guard<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw asGatewayError(error);
  }
}

async function guardAsync<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asGatewayError(error);
  }
}

function asGatewayError(error: unknown): unknown {
  if (error instanceof WebhookInputError) return GatewayException.malformed(error.message);
  if (error instanceof ContractViolationError) {
    return GatewayException.malformed(error.message);
  }
  return error;
}
