import { createHmac } from 'node:crypto';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import { ChannelHarness, fixture, insertOutboundMessage } from '../support/channel-harness';

const APP_SECRET = 'meta-app-secret-for-tests';

const signed = (body: Buffer, secret = APP_SECRET) => ({
  'content-type': 'application/json',
  'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
});

/** Each fixture's message id made unique (the samples share one), then signed as Meta would. */
function variant(path: string, replacements: Record<string, string>): Buffer {
  let text = fixture('meta', path).toString('utf8');
  for (const [from, to] of Object.entries(replacements)) text = text.replaceAll(from, to);
  return Buffer.from(text);
}

/** WhatsApp Cloud, Messenger and Instagram webhooks end to end. */
describe('Meta channels end to end', () => {
  let harness: ChannelHarness;

  beforeAll(async () => {
    harness = await ChannelHarness.start();
    await harness.connect('whatsapp_cloud', '1122334455667', { appSecret: APP_SECRET });
    await harness.connect('messenger', '682498302938465', { appSecret: APP_SECRET });
    await harness.connect('instagram', '17841400000000000', { appSecret: APP_SECRET });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const post = (body: Buffer, headers = signed(body)) =>
    harness.post('/v1/webhooks/meta', body, headers);

  const stored = async (providerMessageId: string) => {
    const [row] = await harness.query<Record<string, unknown>>(
      `SELECT m.text, m.channel, m.attachments, m.reply_to_provider_message_id, m.sent_at,
              m.delivery_status, m.delivery_error, ct.display_name,
              (SELECT array_agg(kind || ':' || address ORDER BY kind) FROM contact_identities
                WHERE contact_id = m.contact_id) AS identities
         FROM messages m JOIN contacts ct ON ct.id = m.contact_id
        WHERE m.provider_message_id = $1`,
      [providerMessageId],
    );
    return row;
  };
  const arrived = (id: string) => waitFor(async () => !!(await stored(id)), id);

  it('answers the subscription handshake only for the verify token', async () => {
    const url = `${harness.gateway.url}/v1/webhooks/meta?hub.mode=subscribe&hub.challenge=1158201444`;
    const good = await fetch(`${url}&hub.verify_token=meta-verify-token-for-tests`);
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('1158201444');
    expect((await fetch(`${url}&hub.verify_token=wrong`)).status).toBe(403);
  });

  it('stores WhatsApp text, replies, documents and unsupported messages from one contact', async () => {
    expect(
      (await post(variant('whatsapp/cloud_text.json', { 'wamid.xyzxyz': 'wamid.text-1' }))).status,
    ).toBe(200);
    expect(
      (
        await post(
          variant('whatsapp/cloud_reply_with_context.json', {
            '"wamid.xyzxyz"': '"wamid.reply-1"',
          }),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await post(
          variant('whatsapp/cloud_document_forwarded_caption.json', {
            'wamid.xyzxyz': 'wamid.doc-1',
          }),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await post(
          variant('whatsapp/cloud_unsupported_type_error.json', {
            'wamid.xyzxyz': 'wamid.unsup-1',
          }),
        )
      ).status,
    ).toBe(200);
    await arrived('wamid.unsup-1');
    expect(await stored('wamid.text-1')).toMatchObject({
      text: 'Body Text',
      channel: 'whatsapp_cloud',
      display_name: 'Test Name',
      identities: ['phone:+972987654321'],
      sent_at: new Date(1697043223_000),
    });
    expect(await stored('wamid.reply-1')).toMatchObject({
      text: 'replied text',
      reply_to_provider_message_id: 'wamid.xyzxyz==',
    });
    const document = await stored('wamid.doc-1');
    expect(document.text).toBe('caption');
    expect(document.attachments).toEqual([
      expect.objectContaining({
        providerMediaId: '1234567890987654321',
        name: 'filename.pdf',
        contentType: 'application/pdf',
      }),
    ]);
    expect((await stored('wamid.unsup-1')).text).toMatch(/unsupported/i);
    const [{ conversations }] = await harness.query<{ conversations: number }>(
      `SELECT count(DISTINCT conversation_id)::int AS conversations FROM messages WHERE channel = 'whatsapp_cloud'`,
    );
    expect(conversations).toBe(1);
  });

  it('applies a failed delivery status to our outbound message', async () => {
    await insertOutboundMessage(harness, 'wamid.text-1', 'wamid.ours-1');
    expect(
      (await post(variant('whatsapp/cloud_status_failed.json', { 'wamid.xyzxyz': 'wamid.ours-1' })))
        .status,
    ).toBe(200);
    await waitFor(
      async () => (await stored('wamid.ours-1')).delivery_status === 'failed',
      'the status',
    );
    expect((await stored('wamid.ours-1')).delivery_error).toMatch(/^130472/);
  });

  it('stores Messenger text and images, and ignores echoes of our own sends', async () => {
    const before = await harness.inboundCount();
    expect(
      (await post(fixture('meta', 'messenger/page_echo_sent_by_app_ignore.json'))).status,
    ).toBe(200);
    expect(await harness.inboundCount()).toBe(before);
    expect((await post(fixture('meta', 'messenger/page_text_quick_reply.json'))).status).toBe(200);
    expect((await post(fixture('meta', 'messenger/page_image_attachment.json'))).status).toBe(200);
    await arrived('mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_c');
    expect(await stored('mid.1457764197618:41d102a3e1ae206a38')).toMatchObject({
      text: 'hello, world!',
      channel: 'messenger',
      identities: ['provider:messenger:1254459154682919'],
    });
    expect((await stored('mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_c')).attachments).toEqual([
      expect.objectContaining({ url: 'https://example.invalid/attachment.jpg' }),
    ]);
  });

  it('stores Instagram text verified over escaped-unicode bytes, and ignores echoes', async () => {
    expect(
      (await post(fixture('meta', 'instagram/ig_echo_sent_by_business_ignore.json'))).status,
    ).toBe(200);
    // Meta signs the payload with emoji escaped as \\uXXXX: the signature is over those bytes.
    const escaped = variant('instagram/ig_text.json', { 'MESSAGE-TEXT': 'Hi \\ud83d\\ude00' });
    expect((await post(escaped)).status).toBe(200);
    await arrived('MESSAGE-ID');
    expect(await stored('MESSAGE-ID')).toMatchObject({ text: 'Hi 😀', channel: 'instagram' });
    const [{ echoes }] = await harness.query<{ echoes: number }>(
      `SELECT count(*)::int AS echoes FROM messages WHERE provider_message_id = 'MESSAGE-ID-2'`,
    );
    expect(echoes).toBe(0);
  });

  it('rejects a missing signature with 401 and a wrong one with 403, publishing nothing', async () => {
    const before = await harness.inboundCount();
    const body = variant('whatsapp/cloud_text.json', { 'wamid.xyzxyz': 'wamid.forged' });
    expect((await post(body, { 'content-type': 'application/json' } as never)).status).toBe(401);
    expect((await post(body, signed(body, 'not-the-app-secret'))).status).toBe(403);
    const tampered = Buffer.from(body.toString('utf8').replace('Body Text', 'Pay me'));
    expect((await post(tampered, signed(body))).status).toBe(403);
    expect(await harness.inboundCount()).toBe(before);
  });

  it('answers 400 for a signed batch that names no account (found by the fuzz test)', async () => {
    const empty = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
    expect((await post(empty)).status).toBe(400);
  });

  it('accepts a provider retry once', async () => {
    const body = variant('whatsapp/cloud_text.json', { 'wamid.xyzxyz': 'wamid.retried' });
    expect((await post(body)).status).toBe(200);
    const before = await harness.inboundCount();
    expect((await post(body)).status).toBe(200);
    expect(await harness.inboundCount()).toBe(before);
  });
});
