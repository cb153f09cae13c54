import {
  signVisitorToken,
  WEBCHAT_MAX_TEXT_LENGTH,
  type WebchatIdentifyAck,
  type WebchatMessageAck,
} from '@switchboard/channels';
import { io, type Socket } from 'socket.io-client';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import { ChannelHarness } from '../support/channel-harness';
import { startGateway, uniqueTopicPrefix, type RunningService } from '../support/services';

const SITE = 'site_abc123';
const SECRET = 'webchat-visitor-token-secret_for-integration-tests';

/** Connects a website to the tenant as a web chat channel account (its secret stored encrypted). */
function connectSite(harness: ChannelHarness, siteKey: string, secret = SECRET): Promise<string> {
  return harness.connect('webchat', siteKey, { visitorTokenSecret: secret });
}

interface VisitorSessionBody {
  visitorId: string;
  token: string;
  expiresAt: string;
}

/** The website widget's protocol, driven the way a browser drives it. */
describe('Web chat channel end to end', () => {
  let harness: ChannelHarness;
  let siteAccountId: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    harness = await ChannelHarness.start();
    siteAccountId = await connectSite(harness, SITE);
    await connectSite(harness, 'site_disabled');
    await harness.query(
      `UPDATE channel_accounts SET disabled_at = now() WHERE external_id = 'site_disabled'`,
    );
  });

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const startSession = (site = SITE, gateway: RunningService = harness.gateway) =>
    fetch(`${gateway.url}/v1/webchat/${site}/sessions`, { method: 'POST' });

  const newVisitor = async (): Promise<VisitorSessionBody> => {
    const response = await startSession();
    expect(response.status).toBe(201);
    return (await response.json()) as VisitorSessionBody;
  };

  /** Resolves once connected; rejects with the `connect_error` otherwise. */
  const connect = (
    auth: Record<string, unknown>,
    gateway: RunningService = harness.gateway,
  ): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const socket = io(`${gateway.url}/webchat`, {
        auth,
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (error) => {
        socket.disconnect();
        reject(error);
      });
    });

  const send = (socket: Socket, payload: unknown): Promise<WebchatMessageAck> =>
    socket.timeout(15_000).emitWithAck('message', payload);

  const identify = (socket: Socket, payload: unknown): Promise<WebchatIdentifyAck> =>
    socket.timeout(15_000).emitWithAck('identify', payload);

  const stored = async (providerMessageId: string) => {
    const [row] = await harness.query<Record<string, unknown>>(
      `SELECT m.text, m.channel, m.channel_account_id, ct.display_name,
              (SELECT array_agg(kind || ':' || address ORDER BY kind, address)
                 FROM contact_identities WHERE contact_id = m.contact_id) AS identities
         FROM messages m JOIN contacts ct ON ct.id = m.contact_id
        WHERE m.provider_message_id = $1`,
      [providerMessageId],
    );
    return row;
  };

  const storedCount = async (providerMessageId: string) => {
    const [{ n }] = await harness.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM messages WHERE provider_message_id = $1',
      [providerMessageId],
    );
    return n;
  };

  it('starts a visitor session: a random visitor id and a 30-day token, readable cross-origin', async () => {
    const before = Date.now();
    const response = await startSession();
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await response.json()) as VisitorSessionBody;
    expect(body.visitorId).toMatch(/^v_[A-Za-z0-9_-]{22}$/);
    expect(body.token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const thirtyDays = 30 * 24 * 3600 * 1000;
    expect(Date.parse(body.expiresAt)).toBeGreaterThanOrEqual(before - 1000 + thirtyDays);
    expect(Date.parse(body.expiresAt)).toBeLessThanOrEqual(Date.now() + thirtyDays);
    expect((await newVisitor()).visitorId).not.toBe(body.visitorId);
  });

  it('answers 404 for an unknown or disabled site, and refuses its sockets', async () => {
    for (const site of ['site_unknown', 'site_disabled']) {
      const response = await startSession(site);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'unknown_site' });
    }
    const { token } = await newVisitor();
    await expect(connect({ siteKey: 'site_disabled', token })).rejects.toMatchObject({
      message: expect.stringMatching(/^unknown_site: /),
      data: { code: 'unknown_site' },
    });
  });

  it('stores a visitor message with the visitor as a web chat identity, acked after the bus', async () => {
    const { visitorId, token } = await newVisitor();
    const socket = await connect({ siteKey: SITE, token });
    const ack = await send(socket, { clientMessageId: 'first', text: 'Hello from the website' });
    expect(ack).toEqual({ ok: true, messageId: `${visitorId}:first` });
    await waitFor(async () => !!(await stored(`${visitorId}:first`)), 'the message');
    expect(await stored(`${visitorId}:first`)).toEqual({
      text: 'Hello from the website',
      channel: 'webchat',
      channel_account_id: siteAccountId,
      display_name: null,
      identities: [`provider:webchat:${visitorId}`],
    });
  });

  it('names the contact and links the email identity after identify', async () => {
    const { visitorId, token } = await newVisitor();
    const socket = await connect({ siteKey: SITE, token });
    expect(
      await send(socket, { clientMessageId: 'anon', text: 'Hi, anyone there?' }),
    ).toMatchObject({ ok: true });
    await waitFor(async () => !!(await stored(`${visitorId}:anon`)), 'the anonymous message');
    expect(await identify(socket, { name: 'Ada Lovelace', email: 'Ada@Example.com' })).toEqual({
      ok: true,
    });
    expect(await send(socket, { clientMessageId: 'named', text: 'It is Ada' })).toMatchObject({
      ok: true,
    });
    await waitFor(async () => !!(await stored(`${visitorId}:named`)), 'the identified message');
    expect(await stored(`${visitorId}:named`)).toMatchObject({
      display_name: 'Ada Lovelace',
      identities: ['email:ada@example.com', `provider:webchat:${visitorId}`],
    });
  });

  it('stores a resent message once, on the same connection and after reconnecting', async () => {
    const { visitorId, token } = await newVisitor();
    const first = await connect({ siteKey: SITE, token });
    const message = { clientMessageId: 'retry-1', text: 'Sent twice' };
    const before = await harness.inboundCount();
    const acks = await Promise.all([send(first, message), send(first, message)]);
    expect(await send(first, message)).toEqual({ ok: true, messageId: `${visitorId}:retry-1` });
    expect(acks).toEqual([
      { ok: true, messageId: `${visitorId}:retry-1` },
      { ok: true, messageId: `${visitorId}:retry-1` },
    ]);
    // The connection remembers it: published once.
    expect(await harness.inboundCount()).toBe(before + 1);
    first.disconnect();

    // A new connection does not: published again, and the conversations service stores it once.
    const second = await connect({ siteKey: SITE, token });
    expect(await send(second, message)).toEqual({ ok: true, messageId: `${visitorId}:retry-1` });
    expect(await harness.inboundCount()).toBe(before + 2);
    expect(await send(second, { clientMessageId: 'retry-2', text: 'After' })).toMatchObject({
      ok: true,
    });
    await waitFor(async () => !!(await stored(`${visitorId}:retry-2`)), 'the later message');
    expect(await storedCount(`${visitorId}:retry-1`)).toBe(1);
  });

  it('refuses a missing, tampered, expired or foreign token with a connect_error naming the problem', async () => {
    const { token } = await newVisitor();
    const [version, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const tampered = [
      version,
      Buffer.from(JSON.stringify({ ...claims, visitor: 'v_someone_else' })).toString('base64url'),
      signature,
    ].join('.');
    const now = Math.floor(Date.now() / 1000);
    const expired = signVisitorToken(
      { site: SITE, visitor: claims.visitor, iat: now - 31 * 86400, exp: now - 86400 },
      SECRET,
    );
    const foreign = signVisitorToken(
      { site: SITE, visitor: claims.visitor, iat: now, exp: now + 3600 },
      'some-other-site-secret-of-enough-length',
    );
    const before = await harness.inboundCount();
    const refusals: Array<[Record<string, unknown>, string]> = [
      [{ siteKey: SITE }, 'auth_required'],
      [{ token }, 'auth_required'],
      [{ siteKey: SITE, token: tampered }, 'token_bad_signature'],
      [{ siteKey: SITE, token: foreign }, 'token_bad_signature'],
      [{ siteKey: SITE, token: expired }, 'token_expired'],
      [{ siteKey: SITE, token: 'not-a-token' }, 'token_malformed'],
      [{ siteKey: 'site_unknown', token }, 'unknown_site'],
    ];
    for (const [auth, code] of refusals) {
      await expect(connect(auth)).rejects.toMatchObject({
        message: expect.stringMatching(new RegExp(`^${code}: .+`)),
        data: { code },
      });
    }
    expect(await harness.inboundCount()).toBe(before);
  });

  it('answers an invalid payload with the field to fix, publishing nothing', async () => {
    const { token } = await newVisitor();
    const socket = await connect({ siteKey: SITE, token });
    const before = await harness.inboundCount();
    const oversized = 'a'.repeat(WEBCHAT_MAX_TEXT_LENGTH + 1);
    expect(await send(socket, { text: 'no id' })).toMatchObject({
      ok: false,
      error: 'invalid',
      field: 'clientMessageId',
    });
    expect(await send(socket, { clientMessageId: 'big', text: oversized })).toMatchObject({
      ok: false,
      error: 'invalid',
      field: 'text',
    });
    expect(await send(socket, { clientMessageId: 'blank', text: '   ' })).toMatchObject({
      ok: false,
      error: 'invalid',
      field: 'text',
    });
    expect(await send(socket, 'just a string')).toMatchObject({
      ok: false,
      error: 'invalid',
      field: '(payload)',
    });
    expect(await identify(socket, { email: 'not-an-email' })).toMatchObject({
      ok: false,
      error: 'invalid',
      field: 'email',
    });
    expect(await harness.inboundCount()).toBe(before);
    // The connection stays usable.
    expect(await send(socket, { clientMessageId: 'fine', text: 'ok' })).toMatchObject({ ok: true });
  });

  it('acks unavailable with retry when the bus is down, and the resend is stored once', async () => {
    const { visitorId, token } = await newVisitor();
    const isolated = await startGateway({
      databaseUrl: harness.database.url,
      topicPrefix: uniqueTopicPrefix(),
      brokers: ['127.0.0.1:1'],
      publishTimeoutMs: 1_500,
    });
    const message = { clientMessageId: 'during-outage', text: 'Is this lost?' };
    try {
      const socket = await connect({ siteKey: SITE, token }, isolated);
      expect(await send(socket, message)).toEqual({
        ok: false,
        error: 'unavailable',
        retry: true,
      });
      // A failure is not remembered: the resend on the same connection tries the bus again.
      expect(await send(socket, message)).toEqual({
        ok: false,
        error: 'unavailable',
        retry: true,
      });
      socket.disconnect();
    } finally {
      await isolated.stop();
    }
    const socket = await connect({ siteKey: SITE, token });
    expect(await send(socket, message)).toEqual({
      ok: true,
      messageId: `${visitorId}:during-outage`,
    });
    await waitFor(async () => !!(await stored(`${visitorId}:during-outage`)), 'the resend');
    expect(await storedCount(`${visitorId}:during-outage`)).toBe(1);
  });
});
