import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WebhookRequest } from '../../webhook-request';
import { META_SIGNATURE_HEADER, metaSignature } from '../meta-signature';

/** Test support only (specs read fixtures from disk; the adapter itself does no I/O). */
export const TEST_APP_SECRET = 'test-app-secret';

const FIXTURES_DIR = join(__dirname, '..', '..', '..', 'test-fixtures', 'meta');

/** A fixture's exact bytes, e.g. `fixture('whatsapp/cloud_text.json')`. */
export function fixture(relativePath: string): Buffer {
  return readFileSync(join(FIXTURES_DIR, relativePath));
}

export function fixtureJson(relativePath: string): unknown {
  return JSON.parse(fixture(relativePath).toString('utf8')) as unknown;
}

/** A POST as the gateway would hand it over, signed with `TEST_APP_SECRET` unless told. */
export function metaRequest(
  body: Buffer | string | object,
  options: { signature?: string | null; secret?: string } = {},
): WebhookRequest {
  const rawBody = Buffer.isBuffer(body)
    ? body
    : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  const signature =
    options.signature === undefined
      ? metaSignature(rawBody, options.secret ?? TEST_APP_SECRET)
      : options.signature;
  return {
    method: 'POST',
    url: 'https://switchboard.example/webhooks/meta',
    headers: signature === null ? {} : { [META_SIGNATURE_HEADER]: signature },
    query: {},
    routeKey: null,
    rawBody,
  };
}

/** A WhatsApp Cloud envelope around `value`s (one change each), as Meta frames them. */
export function whatsAppBody(
  ...values: Array<Record<string, unknown> & { phoneNumberId?: string }>
): object {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'WABA-1',
        changes: values.map(({ phoneNumberId, ...value }) => ({
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: {
              display_phone_number: '15550000000',
              phone_number_id: phoneNumberId ?? 'PNID-1',
            },
            ...value,
          },
        })),
      },
    ],
  };
}

export const WA_CONTACT = { profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' };

/** A customer's WhatsApp message of `type` with its `content` object. */
export function waMessage(type: string, content: Record<string, unknown>, extra = {}): object {
  return {
    from: '16505551234',
    id: `wamid.${type}`,
    timestamp: '1749416383',
    type,
    ...content,
    ...extra,
  };
}

/** A Messenger (`page`) or Instagram envelope with one entry holding `messaging` events. */
export function messagingBody(
  object: 'page' | 'instagram',
  events: object[],
  accountId = 'PAGE-1',
): object {
  return { object, entry: [{ id: accountId, time: 1458692752478, messaging: events }] };
}

export function messagingEvent(fields: object, senderId = 'PSID-1', accountId = 'PAGE-1'): object {
  return {
    sender: { id: senderId },
    recipient: { id: accountId },
    timestamp: 1458692752478,
    ...fields,
  };
}
