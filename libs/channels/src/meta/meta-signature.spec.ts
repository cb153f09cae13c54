import { createHmac } from 'node:crypto';
import { metaAdapter } from './meta.adapter';
import { metaSignature, verifyMetaSignature } from './meta-signature';
import { parseMetaWebhook } from './meta-webhook.parser';
import { fixture, metaRequest, TEST_APP_SECRET } from './testing/meta-test-kit';

const now = new Date('2026-01-01T00:00:00Z');
const secrets = { appSecret: TEST_APP_SECRET };

/**
 * A body as Meta sends it: non-ASCII escaped as lowercase `\uXXXX` (here 😀 and é), so the
 * bytes on the wire are pure ASCII and differ from what JSON.stringify would produce.
 */
const ESCAPED_BODY =
  '{"object":"whatsapp_business_account","entry":[{"id":"WABA-1","changes":[{"field":"messages",' +
  '"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550000000",' +
  '"phone_number_id":"PNID-1"},"contacts":[{"profile":{"name":"Ren\\u00e9"},"wa_id":"16505551234"}],' +
  '"messages":[{"from":"16505551234","id":"wamid.EMOJI","timestamp":"1749416383","type":"text",' +
  '"text":{"body":"hi \\ud83d\\ude00"}}]}}]}]}';

describe('Meta X-Hub-Signature-256', () => {
  it('is the hex HMAC-SHA256 of the raw bytes under the app secret', () => {
    const body = fixture('whatsapp/cloud_text.json');
    const expected = createHmac('sha256', TEST_APP_SECRET).update(body).digest('hex');
    expect(metaSignature(body, TEST_APP_SECRET)).toBe(`sha256=${expected}`);
  });

  it.each([
    'whatsapp/cloud_text.json',
    'whatsapp/cloud_document_forwarded_caption.json',
    'whatsapp/cloud_reply_with_context.json',
    'whatsapp/cloud_unsupported_type_error.json',
    'whatsapp/cloud_status_failed.json',
    'messenger/page_text_quick_reply.json',
    'messenger/page_image_attachment.json',
    'messenger/page_echo_sent_by_app_ignore.json',
    'instagram/ig_text.json',
    'instagram/ig_echo_sent_by_business_ignore.json',
  ])('accepts %s signed over its file bytes', (path) => {
    expect(metaAdapter.verify(metaRequest(fixture(path)), secrets, now)).toEqual({ ok: true });
  });

  it('verifies a \\uXXXX-escaped emoji body over its raw bytes, not a re-serialization', () => {
    const raw = Buffer.from(ESCAPED_BODY, 'utf8');
    const signature = metaSignature(raw, TEST_APP_SECRET);
    expect(verifyMetaSignature(metaRequest(raw, { signature }), TEST_APP_SECRET)).toEqual({
      ok: true,
    });

    // What a handler that hashed `JSON.stringify(req.body)` would check: different bytes.
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(ESCAPED_BODY)), 'utf8');
    expect(reserialized.equals(raw)).toBe(false);
    expect(reserialized.toString('utf8')).toContain('😀');
    expect(verifyMetaSignature(metaRequest(reserialized, { signature }), TEST_APP_SECRET)).toEqual({
      ok: false,
      status: 403,
      reason: 'x-hub-signature-256 does not match',
    });

    // And the parse decodes the escapes.
    const [event] = parseMetaWebhook(metaRequest(raw)).events;
    expect(event).toMatchObject({
      type: 'inbound.message_received',
      data: { text: 'hi 😀', sender: { displayName: 'René' } },
    });
  });

  it('answers 403 for a tampered body', () => {
    const body = fixture('whatsapp/cloud_text.json');
    const signature = metaSignature(body, TEST_APP_SECRET);
    const tampered = Buffer.from(body.toString('utf8').replace('Body Text', 'Body Texx'), 'utf8');
    expect(metaAdapter.verify(metaRequest(tampered, { signature }), secrets, now)).toEqual({
      ok: false,
      status: 403,
      reason: 'x-hub-signature-256 does not match',
    });
  });

  it('answers 403 for a body signed with another secret', () => {
    const request = metaRequest(fixture('instagram/ig_text.json'), { secret: 'someone-else' });
    expect(metaAdapter.verify(request, secrets, now)).toMatchObject({ ok: false, status: 403 });
  });

  it.each([null, '', '   '])('answers 401 when the header is missing (%p)', (signature) => {
    const request = metaRequest(fixture('whatsapp/cloud_text.json'), { signature });
    expect(metaAdapter.verify(request, secrets, now)).toEqual({
      ok: false,
      status: 401,
      reason: 'x-hub-signature-256 header missing',
    });
  });

  it.each([
    ['the legacy sha1 form', 'sha1=0123456789abcdef0123456789abcdef01234567'],
    ['no algorithm prefix', 'a'.repeat(64)],
    ['a short digest', 'sha256=abcd'],
    ['non-hex digits', `sha256=${'z'.repeat(64)}`],
  ])('answers 403 for a malformed header (%s)', (_name, signature) => {
    const request = metaRequest(fixture('whatsapp/cloud_text.json'), { signature });
    expect(metaAdapter.verify(request, secrets, now)).toEqual({
      ok: false,
      status: 403,
      reason: 'x-hub-signature-256 malformed',
    });
  });

  it('accepts an upper-case hex digest (hex is case-insensitive)', () => {
    const body = fixture('whatsapp/cloud_text.json');
    const signature = metaSignature(body, TEST_APP_SECRET)
      .toUpperCase()
      .replace('SHA256', 'sha256');
    expect(metaAdapter.verify(metaRequest(body, { signature }), secrets, now)).toEqual({
      ok: true,
    });
  });

  it('fails closed when no app secret is configured, even for a body signed with ""', () => {
    const request = metaRequest(fixture('whatsapp/cloud_text.json'), { secret: '' });
    expect(metaAdapter.verify(request, { appSecret: '' }, now)).toEqual({
      ok: false,
      status: 403,
      reason: 'app secret not configured',
    });
  });
});
