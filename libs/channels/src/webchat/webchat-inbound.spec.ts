import { createEnvelope } from '@switchboard/contracts';
import { webchatInboundMessage } from './webchat-inbound';
import { ANONYMOUS_VISITOR } from './webchat-payloads';

const TENANT = '7b0c6a38-2f7e-4d55-9d8e-0d3c3f1f2a11';
const ACCOUNT = 'e1c7a2f4-5b6d-4e8f-9a0b-1c2d3e4f5a6b';

describe('webchatInboundMessage', () => {
  it('makes the visitor the sender and scopes the message id by visitor', () => {
    const data = webchatInboundMessage({
      siteKey: 'site_abc123',
      visitorId: 'v_abc',
      profile: ANONYMOUS_VISITOR,
      message: { clientMessageId: 'c-1', text: 'Hello' },
    });
    expect(data).toMatchObject({
      channel: 'webchat',
      providerMessageId: 'v_abc:c-1',
      sender: { externalId: 'v_abc', displayName: null, phone: null, email: null },
      text: 'Hello',
      html: null,
      attachments: [],
      threadRef: null,
    });
  });

  it('carries what the visitor told us with identify', () => {
    const data = webchatInboundMessage({
      siteKey: 'site_abc123',
      visitorId: 'v_abc',
      profile: { name: 'Ada', email: 'ada@example.com' },
      message: { clientMessageId: 'c-2', text: 'It is me' },
    });
    expect(data.sender).toEqual({
      externalId: 'v_abc',
      displayName: 'Ada',
      phone: null,
      email: 'ada@example.com',
    });
  });

  it('satisfies the inbound.message_received contract once the gateway fields are added', () => {
    const data = webchatInboundMessage({
      siteKey: 'site_abc123',
      visitorId: 'v_abc',
      profile: { name: 'Ada', email: 'ada@example.com' },
      message: { clientMessageId: 'c-3', text: 'x'.repeat(10_000) },
    });
    const envelope = createEnvelope(
      'inbound.message_received',
      { ...data, channelAccountId: ACCOUNT, receivedAt: '2026-03-01T12:00:00.000Z' },
      { tenantId: TENANT, correlationId: 'corr-1' },
    );
    expect(envelope.data.providerMessageId).toBe('v_abc:c-3');
  });
});
