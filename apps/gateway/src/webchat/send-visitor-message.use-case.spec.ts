import { ANONYMOUS_VISITOR } from '@switchboard/channels';
import { decodeEnvelope, Topics } from '@switchboard/contracts';
import { ServiceMetrics } from '@switchboard/observability';
import { InboundPublisher } from '../inbound-publisher';
import { SendVisitorMessageUseCase } from './send-visitor-message.use-case';
import type { VisitorSession } from './visitor-session';
import { WebchatErrorCode } from './webchat.exception';
import { ACCOUNT_ID, RecordingBus, SITE_KEY, TENANT_ID } from './testing/webchat-test-kit';

const RECEIVED_AT = new Date('2026-03-01T12:00:00.000Z');
const session: VisitorSession = {
  tenantId: TENANT_ID,
  channelAccountId: ACCOUNT_ID,
  siteKey: SITE_KEY,
  visitorId: 'v_visitor',
  expiresAt: new Date('2026-03-31T12:00:00.000Z'),
};

describe('SendVisitorMessageUseCase', () => {
  let bus: RecordingBus;
  let useCase: SendVisitorMessageUseCase;

  beforeEach(() => {
    bus = new RecordingBus();
    useCase = new SendVisitorMessageUseCase(
      new InboundPublisher(bus, new ServiceMetrics('gateway-test')),
    );
  });

  const send = (profile = ANONYMOUS_VISITOR, at = RECEIVED_AT) =>
    useCase.execute({
      session,
      profile,
      message: { clientMessageId: 'c-1', text: 'Where is my order?' },
      receivedAt: at,
    });

  it('publishes inbound.message_received keyed by visitor and answers its stable message id', async () => {
    const result = await send({ name: 'Ada', email: 'ada@example.com' });
    expect(result.messageId).toBe('v_visitor:c-1');
    expect(bus.published).toHaveLength(1);
    const [{ topic, message }] = bus.published;
    expect(topic).toBe(Topics.inboundMessages);
    expect(message.key).toBe(`${TENANT_ID}:webchat:v_visitor`);
    const envelope = decodeEnvelope(message.value);
    expect(envelope).toMatchObject({
      id: result.eventId,
      type: 'inbound.message_received',
      tenantId: TENANT_ID,
      data: {
        channel: 'webchat',
        channelAccountId: ACCOUNT_ID,
        providerMessageId: 'v_visitor:c-1',
        sender: {
          externalId: 'v_visitor',
          displayName: 'Ada',
          phone: null,
          email: 'ada@example.com',
        },
        text: 'Where is my order?',
        receivedAt: RECEIVED_AT.toISOString(),
      },
    });
    expect(message.headers).toEqual({
      'event-id': envelope.id,
      'event-type': 'inbound.message_received',
      'correlation-id': envelope.correlationId,
    });
  });

  it('reports an unreachable bus as bus_unavailable', async () => {
    bus.failing = true;
    await expect(send()).rejects.toMatchObject({ code: WebchatErrorCode.BusUnavailable });
  });

  it('refuses to send once the session token has expired', async () => {
    await expect(send(ANONYMOUS_VISITOR, session.expiresAt)).rejects.toMatchObject({
      code: WebchatErrorCode.SessionExpired,
    });
    expect(bus.published).toHaveLength(0);
  });
});
