import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import { SmtpListener } from '../../apps/gateway/src/smtp/smtp-listener';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import { ChannelHarness, fixture, insertOutboundMessage } from '../support/channel-harness';
import { startGateway, type RunningService } from '../support/services';
import { PUBLIC_BASE_URL } from '../support/channel-harness';

const INBOX = 'support@acme.test';
const BASIC = { basicAuthUser: 'sendgrid', basicAuthPassword: 'inbound-parse-password' };
const basicAuth = `Basic ${Buffer.from(`${BASIC.basicAuthUser}:${BASIC.basicAuthPassword}`).toString('base64')}`;
const MAILGUN_KEY = 'mailgun-signing-key-for-tests';

/** Email in through our SMTP listener and the SendGrid, Mailgun and Postmark webhooks. */
describe('Email end to end', () => {
  let harness: ChannelHarness;
  let smtpGateway: RunningService;
  let smtp: ReturnType<typeof nodemailer.createTransport>;

  beforeAll(async () => {
    harness = await ChannelHarness.start();
    await harness.connect('email', INBOX, { smtp: 'true' });
    await harness.connect('email', 'inbound@inbound.inbound.com', BASIC);
    await harness.connect('email', 'inbound@inbound.example.com', BASIC);
    await harness.connect('email', 'api-hash@inbound.postmarkapp.com', BASIC);
    await harness.connect('email', 'inbox@mg.acme.test', { signingKey: MAILGUN_KEY });
    smtpGateway = await startGateway({
      databaseUrl: harness.database.url,
      topicPrefix: harness.topicPrefix,
      publicBaseUrl: PUBLIC_BASE_URL,
      smtpPort: 0,
    });
    const port = smtpGateway.app.get(SmtpListener).port;
    smtp = nodemailer.createTransport({
      host: '127.0.0.1',
      port: port ?? 0,
      secure: false,
      ignoreTLS: true,
    });
  });

  afterAll(async () => {
    smtp?.close();
    await smtpGateway?.stop();
    await harness?.stop();
  });

  const deliver = (raw: Buffer | string, to: string = INBOX) =>
    smtp.sendMail({ envelope: { from: 'sender@example.com', to: [to] }, raw });

  const stored = async (providerMessageId: string) => {
    const [row] = await harness.query<Record<string, unknown>>(
      `SELECT m.text, m.html, m.attachments, m.email, m.conversation_id, m.delivery_status, m.delivery_error, m.language,
              c.thread_key, (SELECT array_agg(kind || ':' || address) FROM contact_identities
                              WHERE contact_id = m.contact_id) AS identities
         FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE m.provider_message_id = $1`,
      [providerMessageId],
    );
    return row;
  };
  const arrived = (id: string) => waitFor(async () => !!(await stored(id)), id);

  it('stores every fixture delivered over SMTP, decoding every charset', async () => {
    for (const name of [
      'mail_reply_references_in_reply_to.eml',
      'mailparser_html_only_spam_broken_boundary.eml',
      'mailparser_iso8859_8bit_forwarded_rfc822.eml',
      'mailparser_nodemailer_unicode_inline_images_attachments.eml',
      'mmp_html_only_iso8859_qp.eml',
      'mmp_windows1252_qp_subject_body.eml',
      'talon_reply_outlook_iso8859_html.eml',
    ]) {
      await deliver(fixture('email', name));
    }
    await arrived('NDBBIAKOPKHFGPLCODIGCEKECHAA.doug@example.com');
    const windows1252 = await stored('NDBBIAKOPKHFGPLCODIGCEKECHAA.doug@example.com');
    expect(windows1252.text).toMatch(/^Die Hasen und die Frösche/);
    expect(windows1252.identities).toEqual(['email:doug@example.com']);
    expect(windows1252.language).toBe('deu');
    await arrived('4.2.0.58.20000519003052.00a89c40@pop.example.com');
    const htmlOnly = await stored('4.2.0.58.20000519003052.00a89c40@pop.example.com');
    expect(htmlOnly.text).toMatch(/Die Hasen klagten einst/);
    expect(htmlOnly.html).not.toMatch(/<script|\son\w+=/i);
    await arrived('012d606e-3550-2d94-b566-6cd996de88e3@kreata.ee');
    const unicode = await stored('012d606e-3550-2d94-b566-6cd996de88e3@kreata.ee');
    expect((unicode.email as { subject: string }).subject).toBe(
      'Nodemailer is unicode friendly ✔ (1476358788189)',
    );
    expect(unicode.attachments).toHaveLength(3);
    await arrived('MXQAHQMRSTRWAEMHJAPA@guide-des-vins-de-bourgogne.fr');
    expect((await stored('MXQAHQMRSTRWAEMHJAPA@guide-des-vins-de-bourgogne.fr')).text).toMatch(
      /asozialer Penner/,
    );
    await arrived('473FFE27.20003@xxx.org');
    expect((await stored('473FFE27.20003@xxx.org')).text).toBe('Message body');
  });

  it('never opens a conversation for an auto-reply', async () => {
    await deliver(fixture('email', 'chatwoot_autoreply_arabic_base64_multi_in_reply_to.eml'));
    const sentinel =
      'Message-ID: <after-autoreply@example.com>\r\nFrom: a@example.com\r\nTo: support@acme.test\r\nSubject: hi\r\n\r\nafter\r\n';
    await deliver(sentinel);
    await arrived('after-autoreply@example.com');
    expect(
      await stored('CAEjnyt3uiyywAF3SrJzEedMRV5H5XG4aYvFrGdFwxtuGoRCc0w@mail.gmail.com'),
    ).toBeUndefined();
  });

  it('marks our message failed when its bounce arrives', async () => {
    await insertOutboundMessage(
      harness,
      'after-autoreply@example.com',
      'xxxxx@email.amazonses.com',
    );
    await deliver(fixture('email', 'mailparser_dsn_bounce_ses.eml'));
    await waitFor(
      async () => (await stored('xxxxx@email.amazonses.com')).delivery_status === 'failed',
      'the bounce',
    );
  });

  it('threads a reply chain by In-Reply-To and References into one conversation', async () => {
    const mail = (id: string, headers: string) =>
      `Message-ID: <${id}>\r\n${headers}From: Grace <grace@customer.test>\r\nTo: support@acme.test\r\nSubject: Order 42\r\n\r\nbody of ${id}\r\n`;
    await deliver(mail('root@customer.test', ''));
    await deliver(
      mail(
        'second@customer.test',
        'In-Reply-To: <root@customer.test>\r\nReferences: <root@customer.test>\r\n',
      ),
    );
    await deliver(
      mail('third@customer.test', 'References: <root@customer.test> <second@customer.test>\r\n'),
    );
    await deliver(mail('other@customer.test', ''));
    await arrived('other@customer.test');
    await arrived('third@customer.test');
    const [root, second, third, other] = await Promise.all(
      ['root', 'second', 'third', 'other'].map((id) => stored(`${id}@customer.test`)),
    );
    expect(second.conversation_id).toBe(root.conversation_id);
    expect(third.conversation_id).toBe(root.conversation_id);
    expect(other.conversation_id).not.toBe(root.conversation_id);
    expect(root.thread_key).toBe('root@customer.test');
  });

  it('refuses mail for an inbox nobody connected (550), storing nothing', async () => {
    await expect(deliver('Subject: x\r\n\r\ny\r\n', 'nobody@elsewhere.test')).rejects.toMatchObject(
      {
        responseCode: 550,
      },
    );
  });

  it('takes SendGrid Inbound Parse in raw and parsed mode behind Basic auth', async () => {
    const post = (name: string, authorization = basicAuth) =>
      harness.post('/v1/webhooks/sendgrid', fixture('email', `inbound/${name}`), {
        'content-type': 'multipart/form-data; boundary=xYzZY',
        authorization,
      });
    const before = await harness.inboundCount();
    expect((await post('sendgrid_parse_raw.multipart.txt', 'Basic d3Jvbmc6d3Jvbmc=')).status).toBe(
      403,
    );
    expect(await harness.inboundCount()).toBe(before);
    expect((await post('sendgrid_parse_raw.multipart.txt')).status).toBe(200);
    expect((await post('sendgrid_parse_default.multipart.txt')).status).toBe(200);
    await waitFor(async () => {
      const rows = await harness.query(
        `SELECT 1 FROM messages WHERE email->>'subject' IN ('Inbound Parse Test Raw Data', 'Testing non-raw')`,
      );
      return rows.length === 2;
    }, 'both SendGrid mails');
  });

  it('takes Postmark inbound JSON with its attachments', async () => {
    const response = await harness.post(
      '/v1/webhooks/postmark',
      fixture('email', 'inbound/postmark_inbound_attachments_escaped_slashes.json'),
      { 'content-type': 'application/json', authorization: basicAuth },
    );
    expect(response.status).toBe(200);
    await waitFor(
      async () =>
        (await harness.query(`SELECT 1 FROM messages WHERE email->>'subject' = 'Hi There'`))
          .length === 1,
      'the Postmark mail',
    );
    const [row] = await harness.query<{ attachments: unknown[] }>(
      `SELECT attachments FROM messages WHERE email->>'subject' = 'Hi There'`,
    );
    expect(row.attachments).toHaveLength(2);
  });

  it('takes a Mailgun route forward with a valid signature only', async () => {
    const form = (signingKey: string) => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const token = `token-${signingKey.length}-${timestamp}`;
      const signature = createHmac('sha256', signingKey)
        .update(timestamp + token)
        .digest('hex');
      return new URLSearchParams({
        recipient: 'inbox@mg.acme.test',
        sender: 'ada@example.com',
        from: 'Ada <ada@example.com>',
        subject: 'Mailgun hello',
        'body-plain': 'Hello through Mailgun',
        'Message-Id': '<mailgun-1@example.com>',
        'message-headers': JSON.stringify([['Message-Id', '<mailgun-1@example.com>']]),
        timestamp,
        token,
        signature,
      }).toString();
    };
    const post = (body: string) =>
      harness.post('/v1/webhooks/mailgun', body, {
        'content-type': 'application/x-www-form-urlencoded',
      });
    expect((await post(form('wrong-key'))).status).toBe(403);
    expect((await post(form(MAILGUN_KEY))).status).toBe(200);
    await waitFor(
      async () =>
        (await harness.query(`SELECT 1 FROM messages WHERE email->>'subject' = 'Mailgun hello'`))
          .length === 1,
      'the Mailgun mail',
    );
  });
});
