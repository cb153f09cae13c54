import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getExpectedBodyHash, getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import type { WebhookRequest } from '../webhook-request';
import { twilioAdapter } from './twilio.adapter';

const FIXTURES = join(__dirname, '../../test-fixtures/twilio');
const TOKEN = 'f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f6';
const URL = 'https://hooks.example.com/webhooks/twilio?tenant=acme';
const NOW = new Date('2025-01-02T03:04:05Z');

interface Vectors {
  authToken: string;
  formParams: Record<string, string>;
  cases: {
    name: string;
    url: string;
    params: 'formParams' | Record<string, never>;
    rawBody?: string;
    expectedBodySHA256?: string;
    expectedSignature: string;
  }[];
}

const vectors = JSON.parse(
  readFileSync(join(FIXTURES, 'signature_vectors.json'), 'utf8'),
) as Vectors;

/** Form params the way Twilio's signer sees them, decoded independently of the adapter. */
function formParams(body: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const seen = params[key];
    params[key] = seen === undefined ? value : ([] as string[]).concat(seen, value);
  }
  return params;
}

function request(body: string, headers: Record<string, string>, url = URL): WebhookRequest {
  return { method: 'POST', url, headers, query: {}, routeKey: null, rawBody: Buffer.from(body) };
}

function signed(body: string, url = URL, token = TOKEN): WebhookRequest {
  const signature = getExpectedTwilioSignature(token, url, formParams(body));
  return request(body, { 'x-twilio-signature': signature }, url);
}

const inbound = readFileSync(join(FIXTURES, 'whatsapp_inbound_text.form.txt'), 'utf8');

describe('Twilio signature known answers (signature_vectors.json)', () => {
  it.each(vectors.cases.map((c) => [c.name, c] as const))('signs %s', (_, vector) => {
    const params = vector.params === 'formParams' ? vectors.formParams : vector.params;
    expect(getExpectedTwilioSignature(vectors.authToken, vector.url, params)).toBe(
      vector.expectedSignature,
    );
    if (vector.rawBody !== undefined) {
      expect(getExpectedBodyHash(vector.rawBody)).toBe(vector.expectedBodySHA256);
    }
  });

  it.each(vectors.cases.filter((c) => c.params === 'formParams').map((c) => [c.name, c] as const))(
    'verifies the form vector %s',
    (_, vector) => {
      const body = new URLSearchParams(vectors.formParams).toString();
      const req = request(body, { 'x-twilio-signature': vector.expectedSignature }, vector.url);
      expect(twilioAdapter.verify(req, { authToken: vectors.authToken }, NOW)).toEqual({
        ok: true,
      });
    },
  );

  it('accepts the :443 vector for the portless URL, as Twilio may sign either', () => {
    const body = new URLSearchParams(vectors.formParams).toString();
    const req = request(
      body,
      { 'x-twilio-signature': 'kvajT1Ptam85bY51eRf/AJRuM3w=' },
      'https://mycompany.com/myapp.php?foo=1&bar=2',
    );
    expect(twilioAdapter.verify(req, { authToken: vectors.authToken }, NOW)).toEqual({ ok: true });
  });

  it('rejects the JSON-body vector: messaging webhooks are form posts only', () => {
    const vector = vectors.cases.find((c) => c.rawBody !== undefined)!;
    const req = request(
      vector.rawBody!,
      { 'x-twilio-signature': vector.expectedSignature },
      vector.url,
    );
    expect(twilioAdapter.verify(req, { authToken: vectors.authToken }, NOW)).toMatchObject({
      ok: false,
      status: 403,
    });
  });
});

describe('twilioAdapter.verify', () => {
  const secrets = { authToken: TOKEN };

  it('accepts a fixture signed over all its fields', () => {
    expect(twilioAdapter.verify(signed(inbound), secrets, NOW)).toEqual({ ok: true });
  });

  it('accepts fields Twilio added without notice, since they are signed too', () => {
    expect(twilioAdapter.verify(signed(`${inbound}&NewField=1`), secrets, NOW)).toEqual({
      ok: true,
    });
  });

  it('accepts repeated keys, signed with every value', () => {
    expect(twilioAdapter.verify(signed(`${inbound}&Tag=b&Tag=a`), secrets, NOW)).toEqual({
      ok: true,
    });
  });

  it('answers 401 without the header, or with an empty one', () => {
    const headerSets: Record<string, string>[] = [{}, { 'x-twilio-signature': '' }];
    for (const headers of headerSets) {
      expect(twilioAdapter.verify(request(inbound, headers), secrets, NOW)).toMatchObject({
        ok: false,
        status: 401,
      });
    }
  });

  it.each([
    [
      'a tampered Body',
      (r: WebhookRequest) => ({
        ...r,
        rawBody: Buffer.from(inbound.replace('Body=test', 'Body=tesT')),
      }),
    ],
    [
      'an added field',
      (r: WebhookRequest) => ({ ...r, rawBody: Buffer.from(`${inbound}&Extra=1`) }),
    ],
    [
      'a dropped field',
      (r: WebhookRequest) => ({
        ...r,
        rawBody: Buffer.from(inbound.replace('&NumSegments=1', '')),
      }),
    ],
    [
      'another path',
      (r: WebhookRequest) => ({
        ...r,
        url: 'https://hooks.example.com/webhooks/other?tenant=acme',
      }),
    ],
    [
      'another query',
      (r: WebhookRequest) => ({
        ...r,
        url: 'https://hooks.example.com/webhooks/twilio?tenant=evil',
      }),
    ],
    [
      'http instead of https',
      (r: WebhookRequest) => ({ ...r, url: URL.replace('https:', 'http:') }),
    ],
    ['a relative URL', (r: WebhookRequest) => ({ ...r, url: '/webhooks/twilio?tenant=acme' })],
    [
      'a garbage signature',
      (r: WebhookRequest) => ({ ...r, headers: { 'x-twilio-signature': 'not base64 at all' } }),
    ],
  ])('answers 403 for %s', (_, change) => {
    expect(twilioAdapter.verify(change(signed(inbound)), secrets, NOW)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('answers 403 for another account token', () => {
    expect(twilioAdapter.verify(signed(inbound), { authToken: 'other' }, NOW)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('never passes with an empty configured token, even when signed with one', () => {
    expect(twilioAdapter.verify(signed(inbound, URL, ''), { authToken: '' }, NOW)).toMatchObject({
      ok: false,
      status: 403,
    });
  });
});
