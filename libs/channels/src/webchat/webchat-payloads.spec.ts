import {
  ANONYMOUS_VISITOR,
  applyIdentify,
  parseWebchatHandshake,
  parseWebchatIdentify,
  parseWebchatMessage,
} from './webchat-payloads';
import { WEBCHAT_MAX_TEXT_LENGTH } from './webchat-protocol';

describe('web chat payloads', () => {
  describe('message', () => {
    it('accepts a client message id and text, ignoring unknown fields', () => {
      expect(
        parseWebchatMessage({ clientMessageId: 'c-1:2.x_y', text: ' Hello ', extra: true }),
      ).toEqual({ ok: true, value: { clientMessageId: 'c-1:2.x_y', text: ' Hello ' } });
    });

    it('accepts text of exactly the maximum length', () => {
      const text = 'a'.repeat(WEBCHAT_MAX_TEXT_LENGTH);
      expect(parseWebchatMessage({ clientMessageId: 'c1', text }).ok).toBe(true);
    });

    it.each([
      ['no payload', undefined, '(payload)'],
      ['a string payload', 'hello', '(payload)'],
      ['an array payload', [{ clientMessageId: 'c1', text: 'hi' }], '(payload)'],
      ['no client message id', { text: 'hi' }, 'clientMessageId'],
      ['an empty client message id', { clientMessageId: '', text: 'hi' }, 'clientMessageId'],
      [
        'a client message id with spaces',
        { clientMessageId: 'a b', text: 'hi' },
        'clientMessageId',
      ],
      ['a numeric client message id', { clientMessageId: 7, text: 'hi' }, 'clientMessageId'],
      [
        'a 129-character client message id',
        { clientMessageId: 'c'.repeat(129), text: 'hi' },
        'clientMessageId',
      ],
      ['no text', { clientMessageId: 'c1' }, 'text'],
      ['blank text', { clientMessageId: 'c1', text: ' \n\t ' }, 'text'],
      [
        'oversized text',
        { clientMessageId: 'c1', text: 'a'.repeat(WEBCHAT_MAX_TEXT_LENGTH + 1) },
        'text',
      ],
      ['text with a NUL', { clientMessageId: 'c1', text: 'a\u0000b' }, 'text'],
      ['text with a lone surrogate', { clientMessageId: 'c1', text: 'a\ud800b' }, 'text'],
    ])('rejects %s, naming the field', (_name, payload, field) => {
      const result = parseWebchatMessage(payload);
      expect(result).toMatchObject({ ok: false, field });
      expect(result.ok || result.problem.length > 0).toBe(true);
    });
  });

  describe('identify', () => {
    it('accepts a name and an email, trimmed', () => {
      expect(parseWebchatIdentify({ name: '  Ada Lovelace ', email: ' ada@example.com ' })).toEqual(
        { ok: true, value: { name: 'Ada Lovelace', email: 'ada@example.com' } },
      );
      expect(parseWebchatIdentify({})).toEqual({ ok: true, value: {} });
    });

    it.each([
      ['a payload that is not an object', 'ada@example.com', '(payload)'],
      ['an empty name', { name: '   ' }, 'name'],
      ['a long name', { name: 'n'.repeat(257) }, 'name'],
      ['a name with a NUL', { name: 'A\u0000da' }, 'name'],
      ['an invalid email', { email: 'not-an-email' }, 'email'],
      ['an email that is not a string', { email: ['ada@example.com'] }, 'email'],
      ['a long email', { email: `${'a'.repeat(320)}@example.com` }, 'email'],
    ])('rejects %s, naming the field', (_name, payload, field) => {
      expect(parseWebchatIdentify(payload)).toMatchObject({ ok: false, field });
    });

    it('overrides what a later identify names and keeps the rest', () => {
      const named = applyIdentify(ANONYMOUS_VISITOR, { name: 'Ada' });
      expect(named).toEqual({ name: 'Ada', email: null });
      expect(applyIdentify(named, { email: 'ada@example.com' })).toEqual({
        name: 'Ada',
        email: 'ada@example.com',
      });
      expect(applyIdentify(named, { name: 'Ada L.' })).toEqual({ name: 'Ada L.', email: null });
    });
  });

  describe('handshake', () => {
    it('needs a site key and a token', () => {
      expect(parseWebchatHandshake({ siteKey: 'site_abc', token: 't' })).toEqual({
        ok: true,
        value: { siteKey: 'site_abc', token: 't' },
      });
      expect(parseWebchatHandshake({})).toMatchObject({ ok: false, field: 'siteKey' });
      expect(parseWebchatHandshake({ siteKey: 'site_abc' })).toMatchObject({
        ok: false,
        field: 'token',
      });
      expect(parseWebchatHandshake(undefined)).toMatchObject({ ok: false, field: '(payload)' });
    });
  });
});
