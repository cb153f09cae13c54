import type { WebhookRequest } from '../webhook-request';
import { telegramAdapter } from './telegram.adapter';

const SECRET = 'A1b2_C3d4-E5f6';
const NOW = new Date('2025-01-02T03:04:05Z');

function request(headers: Record<string, string>): WebhookRequest {
  return {
    method: 'POST',
    url: 'https://hooks.example.com/webhooks/telegram/support-bot',
    headers,
    query: {},
    routeKey: 'support-bot',
    rawBody: Buffer.from('{"update_id":1}'),
  };
}

function verify(headers: Record<string, string>, secretToken = SECRET) {
  return telegramAdapter.verify(request(headers), { secretToken }, NOW);
}

describe('telegramAdapter.verify', () => {
  it('accepts the configured secret token', () => {
    expect(verify({ 'x-telegram-bot-api-secret-token': SECRET })).toEqual({ ok: true });
  });

  it('answers 401 without the header, or with an empty one', () => {
    expect(verify({})).toMatchObject({ ok: false, status: 401 });
    expect(verify({ 'x-telegram-bot-api-secret-token': '' })).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it.each([
    ['another token of the same length', 'A1b2_C3d4-E5f7'],
    ['a longer token', `${SECRET}x`],
    ['a shorter token', SECRET.slice(0, -1)],
    ['a different case', SECRET.toLowerCase()],
    ['the same number of characters but more bytes', `${SECRET.slice(0, -1)}é`],
  ])('answers 403 for %s', (_, token) => {
    expect(verify({ 'x-telegram-bot-api-secret-token': token })).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('never passes when no secret is configured', () => {
    expect(verify({ 'x-telegram-bot-api-secret-token': 'anything' }, '')).toMatchObject({
      ok: false,
      status: 403,
    });
  });
});
