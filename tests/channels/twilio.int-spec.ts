import twilio from 'twilio';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import {
  ChannelHarness,
  fixture,
  insertOutboundMessage,
  PUBLIC_BASE_URL,
} from '../support/channel-harness';
import { startGateway } from '../support/services';

const AUTH_TOKEN = 'twilio-auth-token-for-tests';
const WEBHOOK_URL = `${PUBLIC_BASE_URL}/v1/webhooks/twilio`;

/** Signs a form body exactly as Twilio does, with the real SDK. */
function signed(body: string, token = AUTH_TOKEN, url = WEBHOOK_URL) {
  const params = Object.fromEntries(new URLSearchParams(body));
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-twilio-signature': twilio.getExpectedTwilioSignature(token, url, params),
  };
}

/** Twilio SMS and WhatsApp webhooks end to end. */
describe('Twilio channels end to end', () => {
  let harness: ChannelHarness;

  beforeAll(async () => {
    harness = await ChannelHarness.start();
    await harness.connect('whatsapp', '+14123456789', { authToken: AUTH_TOKEN });
    await harness.connect('sms', '+14123456789', { authToken: AUTH_TOKEN });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const post = (body: string, headers = signed(body)) =>
    harness.post('/v1/webhooks/twilio', body, headers);
  const form = (name: string) => fixture('twilio', name).toString('utf8').trim();

  const stored = async (sid: string) => {
    const [row] = await harness.query<Record<string, unknown>>(
      `SELECT m.text, m.channel, m.attachments, m.contact_id, m.conversation_id, m.delivery_status,
              (SELECT array_agg(kind || ':' || address) FROM contact_identities
                WHERE contact_id = m.contact_id) AS identities
         FROM messages m WHERE m.provider_message_id = $1`,
      [sid],
    );
    return row;
  };

  it('stores WhatsApp text and media, answering with empty TwiML', async () => {
    const response = await post(form('whatsapp_inbound_text.form.txt'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/xml/);
    expect((await post(form('whatsapp_inbound_image_empty_body.form.txt'))).status).toBe(200);
    await waitFor(async () => !!(await stored('MM21151abfaadc1fb79b782f8460862a52')), 'the image');
    expect(await stored('SM892512e202b34d4109b10a3893fa9640')).toMatchObject({
      text: 'test',
      channel: 'whatsapp',
      identities: ['phone:+31612345678'],
    });
    const image = await stored('MM21151abfaadc1fb79b782f8460862a52');
    expect(image.text).toBe('');
    expect(image.attachments).toEqual([
      expect.objectContaining({
        contentType: 'image/jpeg',
        url: expect.stringMatching(/\/Media\/ME5f0afa2336bd0f73ca553fb5a2e3150bc$/),
      }),
    ]);
  });

  it('makes the same phone on SMS and WhatsApp one contact', async () => {
    const sms = new URLSearchParams({
      MessageSid: 'SMcross0000000000000000000000000001',
      AccountSid: 'AC1a03647d811fab342c0ad608e382fab2',
      From: '+31612345678',
      To: '+14123456789',
      Body: 'Same person, by SMS this time',
      NumMedia: '0',
    }).toString();
    expect((await post(sms)).status).toBe(200);
    await waitFor(async () => !!(await stored('SMcross0000000000000000000000000001')), 'the SMS');
    const [viaSms, viaWhatsApp] = [
      await stored('SMcross0000000000000000000000000001'),
      await stored('SM892512e202b34d4109b10a3893fa9640'),
    ];
    expect(viaSms.contact_id).toBe(viaWhatsApp.contact_id);
    expect(viaSms.channel).toBe('sms');
    expect(viaSms.conversation_id).not.toBe(viaWhatsApp.conversation_id);
  });

  it('applies delivery statuses as monotonic transitions, whatever order they arrive in', async () => {
    const sid = 'SMdf55df64a2ff4920bb0748193cfbb640';
    await insertOutboundMessage(harness, 'SM892512e202b34d4109b10a3893fa9640', sid);
    const status = (value: string) =>
      form('whatsapp_status_delivered.form.txt')
        .replace('MessageStatus=delivered', `MessageStatus=${value}`)
        .replace('SmsStatus=delivered', `SmsStatus=${value}`);
    expect((await post(form('whatsapp_status_delivered.form.txt'))).status).toBe(200);
    await waitFor(async () => (await stored(sid)).delivery_status === 'delivered', 'delivered');
    expect((await post(status('read'))).status).toBe(200);
    await waitFor(async () => (await stored(sid)).delivery_status === 'read', 'read');
    expect((await post(status('sent'))).status).toBe(200);
    // The late `sent` was accepted and consumed, and changed nothing.
    const sentinel = new URLSearchParams({
      MessageSid: 'SMsentinel000000000000000000000000001',
      From: 'whatsapp:+31612345678',
      To: 'whatsapp:+14123456789',
      Body: 'after the statuses',
      NumMedia: '0',
    }).toString();
    expect((await post(sentinel)).status).toBe(200);
    await waitFor(
      async () => !!(await stored('SMsentinel000000000000000000000000001')),
      'sentinel',
    );
    expect((await stored(sid)).delivery_status).toBe('read');
  });

  it('rejects a missing signature with 401, a tampered body or wrong URL with 403, publishing nothing', async () => {
    const before = await harness.inboundCount();
    const body = form('whatsapp_inbound_text.form.txt');
    expect(
      (await post(body, { 'content-type': 'application/x-www-form-urlencoded' } as never)).status,
    ).toBe(401);
    expect((await post(body.replace('Body=test', 'Body=pwned'), signed(body))).status).toBe(403);
    expect(
      (await post(body, signed(body, AUTH_TOKEN, 'https://elsewhere.test/v1/webhooks/twilio')))
        .status,
    ).toBe(403);
    expect((await post(body, signed(body, 'another-token'))).status).toBe(403);
    expect(await harness.inboundCount()).toBe(before);
  });

  it('answers 413 for a body over the limit', async () => {
    const huge = `${form('whatsapp_inbound_text.form.txt')}&Padding=${'x'.repeat(1_100_000)}`;
    expect((await post(huge)).status).toBe(413);
  });

  it('answers 503 while Kafka is down, so Twilio retries; the retry is stored once', async () => {
    const body = form('whatsapp_inbound_text.form.txt').replaceAll(
      'SM892512e202b34d4109b10a3893fa9640',
      'SMkafkadown00000000000000000000000001',
    );
    const isolated = await startGateway({
      databaseUrl: harness.database.url,
      topicPrefix: harness.topicPrefix,
      brokers: ['127.0.0.1:1'],
      publishTimeoutMs: 1_500,
      publicBaseUrl: PUBLIC_BASE_URL,
    });
    try {
      const down = await fetch(`${isolated.url}/v1/webhooks/twilio`, {
        method: 'POST',
        headers: signed(body),
        body,
      });
      expect(down.status).toBe(503);
    } finally {
      await isolated.stop();
    }
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200);
    await waitFor(
      async () => !!(await stored('SMkafkadown00000000000000000000000001')),
      'the retry',
    );
    const [{ n }] = await harness.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM messages WHERE provider_message_id = 'SMkafkadown00000000000000000000000001'`,
    );
    expect(n).toBe(1);
  });

  it('answers 404 for a number no tenant connected and 400 for a body missing MessageSid', async () => {
    const unknown = form('whatsapp_inbound_text.form.txt').replace(
      '%2B14123456789',
      '%2B19999999999',
    );
    expect((await post(unknown)).status).toBe(404);
    const malformed = 'From=whatsapp%3A%2B31612345678&To=whatsapp%3A%2B14123456789&Body=hi';
    const response = await post(malformed);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/MessageSid/);
  });
});
