import { isValidSlackRequest } from '@slack/bolt';
import { verifySlackSignature } from './slack-signature';
import { slackFixture } from './testing/slack-fixtures';
import { signedSlackRequest, TEST_SIGNING_SECRET } from './testing/signed-slack-request';

const secrets = { signingSecret: TEST_SIGNING_SECRET };
const now = new Date('2026-01-15T10:00:00Z');
const body = slackFixture('message_channel_plain.json');
const secondsBefore = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('verifySlackSignature', () => {
  it('accepts a request signed just now', () => {
    const request = signedSlackRequest(body, { signedAt: now });
    expect(verifySlackSignature(request, secrets, now)).toEqual({ ok: true });
  });

  it('agrees with Bolt on our independently signed request', () => {
    const request = signedSlackRequest(body, { signedAt: now });
    const boltSays = isValidSlackRequest({
      signingSecret: TEST_SIGNING_SECRET,
      body: body.toString('utf8'),
      headers: {
        'x-slack-signature': request.headers['x-slack-signature'] ?? '',
        'x-slack-request-timestamp': Number(request.headers['x-slack-request-timestamp']),
      },
      nowMilliseconds: now.getTime(),
    });
    expect(boltSays).toBe(true);
  });

  it('accepts a request signed exactly 5 minutes ago and rejects one a second older', () => {
    const edge = signedSlackRequest(body, { signedAt: secondsBefore(300) });
    const stale = signedSlackRequest(body, { signedAt: secondsBefore(301) });
    expect(verifySlackSignature(edge, secrets, now)).toEqual({ ok: true });
    expect(verifySlackSignature(stale, secrets, now)).toEqual({
      ok: false,
      status: 401,
      reason: expect.stringContaining('stale'),
    });
  });

  it('rejects a replay an hour later', () => {
    const request = signedSlackRequest(body, { signedAt: secondsBefore(3600) });
    expect(verifySlackSignature(request, secrets, now)).toMatchObject({ ok: false, status: 401 });
  });

  it('accepts a timestamp ahead of our clock, as Bolt does (the window has no upper bound)', () => {
    const request = signedSlackRequest(body, { signedAt: new Date(now.getTime() + 600_000) });
    expect(verifySlackSignature(request, secrets, now)).toEqual({ ok: true });
  });

  it('rejects a tampered body', () => {
    const request = signedSlackRequest(body, { signedAt: now });
    const tampered = Buffer.from(body.toString('utf8').replace('dgsfklsdgf', 'dgsfklsdgF'));
    expect(verifySlackSignature({ ...request, rawBody: tampered }, secrets, now)).toEqual({
      ok: false,
      status: 401,
      reason: expect.stringContaining('signature mismatch'),
    });
  });

  it('rejects a body re-serialized by a JSON parser (the raw bytes are what was signed)', () => {
    const request = signedSlackRequest(body, { signedAt: now });
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))));
    expect(verifySlackSignature({ ...request, rawBody: reserialized }, secrets, now)).toMatchObject(
      { ok: false, status: 401 },
    );
  });

  it("rejects another account's secret", () => {
    const request = signedSlackRequest(body, { signedAt: now, secret: 'someone-elses-secret' });
    expect(verifySlackSignature(request, secrets, now)).toMatchObject({ ok: false, status: 401 });
  });

  it('rejects a timestamp header changed after signing', () => {
    const request = signedSlackRequest(body, { signedAt: secondsBefore(60) });
    const moved = { ...request.headers, 'x-slack-request-timestamp': String(now.getTime() / 1000) };
    expect(verifySlackSignature({ ...request, headers: moved }, secrets, now)).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it.each(['x-slack-signature', 'x-slack-request-timestamp'])(
    'rejects a request without %s',
    (name) => {
      const request = signedSlackRequest(body, { signedAt: now });
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(([key]) => key !== name),
      );
      expect(verifySlackSignature({ ...request, headers }, secrets, now)).toEqual({
        ok: false,
        status: 401,
        reason: 'missing x-slack-signature or x-slack-request-timestamp header',
      });
    },
  );

  it.each(['', 'soon', '1e9', ' 1768471200', '-1'])('rejects the timestamp header %j', (value) => {
    const request = signedSlackRequest(body, {
      signedAt: now,
      headers: { 'x-slack-request-timestamp': value },
    });
    expect(verifySlackSignature(request, secrets, now)).toEqual({
      ok: false,
      status: 401,
      reason: 'malformed x-slack-request-timestamp header',
    });
  });

  it.each(['', 'v0', 'v0=', 'v1=abc', 'sha256=abc'])('rejects the signature header %j', (value) => {
    const request = signedSlackRequest(body, {
      signedAt: now,
      headers: { 'x-slack-signature': value },
    });
    expect(verifySlackSignature(request, secrets, now)).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses to check against an empty secret: that is a misconfigured account', () => {
    const request = signedSlackRequest(body, { signedAt: now, secret: '' });
    expect(() => verifySlackSignature(request, { signingSecret: '' }, now)).toThrow(
      'Slack signing secret is empty',
    );
  });
});
