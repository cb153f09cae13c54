import type { ParsedInbound } from '../parsed-inbound';
import { WebhookInputError } from '../webhook-input.error';
import { parseEmail, readEmail } from './parse-email';
import { expectContractValid } from './testing/contract-check';
import { EML_FIXTURES, emailFixture, type EmailFixture } from './testing/email-fixtures';

const NOW = new Date('2026-03-01T12:00:00.000Z');

type Received = Extract<ParsedInbound, { type: 'inbound.message_received' }>['data'];
type Status = Extract<ParsedInbound, { type: 'inbound.status_received' }>['data'];

async function received(fixture: EmailFixture, recipient?: string): Promise<Received> {
  const events = await parseEmail(emailFixture(fixture), { now: NOW, recipient });
  expect(events).toHaveLength(1);
  const [event] = events;
  if (event.type !== 'inbound.message_received') throw new Error(`got ${event.type}`);
  return event.data;
}

function mime(lines: string[], body = 'Hello.'): Buffer {
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}\r\n`, 'utf8');
}

// The same German fable is in two fixtures, in two charsets and two formats.
const FABLE = [
  'Die Hasen und die Frösche',
  '',
  'Die Hasen klagten einst über ihre mißliche Lage; "wir leben", sprach ein Redner, "in steter Furcht vor Menschen und Tieren, eine Beute der Hunde, der Adler, ja fast aller Raubtiere! Unsere stete Angst ist ärger als der Tod selbst. Auf, laßt uns ein für allemal sterben."',
  '',
  'In einem nahen Teich wollten sie sich nun ersäufen; sie eilten ihm zu; allein das außerordentliche Getöse und ihre wunderbare Gestalt erschreckte eine Menge Frösche, die am Ufer saßen, so sehr, daß sie aufs schnellste untertauchten.',
  '',
  '"Halt", rief nun eben dieser Sprecher, "wir wollen das Ersäufen noch ein wenig aufschieben, denn auch uns fürchten, wie ihr seht, einige Tiere, welche also wohl noch unglücklicher sein müssen als wir."',
].join('\n');

describe('parseEmail on every fixture', () => {
  it.each(EML_FIXTURES)('%s yields exactly one event the contract accepts', async (fixture) => {
    const events = await parseEmail(emailFixture(fixture), { now: NOW });
    expect(events).toHaveLength(1);
    expectContractValid(events[0]);
  });

  it('chatwoot: Arabic base64 body and RFC 2047 headers, an auto-reply, a doubled In-Reply-To', async () => {
    const data = await received('chatwoot_autoreply_arabic_base64_multi_in_reply_to.eml');
    expect(data.channel).toBe('email');
    expect(data.providerMessageId).toBe(
      'CAEjnyt3uiyywAF3SrJzEedMRV5H5XG4aYvFrGdFwxtuGoRCc0w@mail.gmail.com',
    );
    expect(data.sender).toEqual({
      externalId: 'example@gmail.com',
      displayName: 'متجر سوق نت',
      phone: null,
      email: 'example@gmail.com',
    });
    expect(data.text).toBe('أنظروا، أنا أحتاجها فقط لتقوم بالتدقيق في مقالتي الشخصية');
    expect(data.html).toBeNull();
    expect(data.attachments).toEqual([]);
    expect(data.sentAt).toBe('2022-04-03T18:48:20.000Z');
    // The header names the same id twice, comma-separated: one id, once.
    expect(data.replyToProviderMessageId).toBe('4e6e35f5a38b4_479f13bb90078178@small-app-01.mail');
    expect(data.email).toEqual({
      messageId: 'CAEjnyt3uiyywAF3SrJzEedMRV5H5XG4aYvFrGdFwxtuGoRCc0w@mail.gmail.com',
      inReplyTo: ['4e6e35f5a38b4_479f13bb90078178@small-app-01.mail'],
      references: [],
      // The encoded words end in "_": the trailing space is the sender's.
      subject: 'أهلين عميلنا الكريم ',
      to: ['reply+6bdc3f4d-0bec-4515-a284-5d916fdde489@example.com'],
      cc: [],
      replyToken: '6bdc3f4d-0bec-4515-a284-5d916fdde489',
      automated: true,
      fullText: 'أنظروا، أنا أحتاجها فقط لتقوم بالتدقيق في مقالتي الشخصية\n',
    });
  });

  it('mail gem reply: References oldest first and In-Reply-To, format=flowed', async () => {
    const data = await received('mail_reply_references_in_reply_to.eml');
    expect(data.providerMessageId).toBe('473FFE27.20003@xxx.org');
    expect(data.sender).toEqual({
      externalId: 'xxxxxxxx@xxx.org',
      displayName: 'Testing',
      phone: null,
      email: 'xxxxxxxx@xxx.org',
    });
    expect(data.replyToProviderMessageId).toBe('348F04F142D69C21-291E56D292BC@xxxx.net');
    expect(data.text).toBe('Message body');
    expect(data.sentAt).toBe('2007-11-18T08:56:07.000Z');
    expect(data.email).toEqual({
      messageId: '473FFE27.20003@xxx.org',
      inReplyTo: ['348F04F142D69C21-291E56D292BC@xxxx.net'],
      references: ['473FF3B8.9020707@xxx.org', '348F04F142D69C21-291E56D292BC@xxxx.net'],
      subject: 'Re: Test reply email',
      to: ['mikel@xxxx.net'],
      cc: [],
      replyToken: null,
      automated: false,
      fullText: 'Message body',
    });
  });

  it('SES DSN: a failed status for the bounced message, never a message', async () => {
    const events = await parseEmail(emailFixture('mailparser_dsn_bounce_ses.eml'), { now: NOW });
    expect(events.map((event) => event.type)).toEqual(['inbound.status_received']);
    const data = events[0].data as Status;
    expect(data).toMatchObject({
      channel: 'email',
      // The original's Message-ID from the attached message, not the DSN's own.
      providerMessageId: 'xxxxx@email.amazonses.com',
      status: 'failed',
      errorCode: '5.1.1',
      errorMessage:
        'Amazon SES did not send the message to this address because it is on the suppression list for your account. For more information about removing addresses from the suppression list, see the Amazon SES Developer Guide at https://docs.aws.amazon.com/ses/latest/DeveloperGuide/sending-email-suppression-list.html',
      // No Last-Attempt-Date or Arrival-Date: the DSN's own Date.
      occurredAt: '2021-02-16T00:57:06.000Z',
    });
  });

  it('spam: HTML only, under a bogus boundary parameter: text rendered from the HTML', async () => {
    const data = await received('mailparser_html_only_spam_broken_boundary.eml');
    expect(data.providerMessageId).toBe('MXQAHQMRSTRWAEMHJAPA@guide-des-vins-de-bourgogne.fr');
    expect(data.sender).toEqual({
      externalId: 'noreply@guide-des-vins-de-bourgogne.fr',
      displayName: 'Matilda Klein',
      phone: null,
      email: 'noreply@guide-des-vins-de-bourgogne.fr',
    });
    expect(data.email?.subject).toBe('123.042 Euro pro Jahr GRARANTIERT von einer Bank! KOSTENLOS');
    expect(data.email?.to).toEqual(['leon.struck@web.de']);
    expect(data.sentAt).toBe('2015-11-24T00:35:26.000Z');
    // HTML entities decoded (&bdquo; &ldquo; &szlig; &uuml;), no <title> or markup in the text.
    expect(data.email?.fullText).toMatch(
      /^Im Jahre 2007 wurde er als „asozialer Penner“ beschimpft! Er bettelte auf der Straße und lebte unter der Brücke\.\n\nHeute verdient er 35 Millionen Euro pro Jahr, obwohl/,
    );
    expect(data.email?.fullText).toContain('>>>VIDEO<<< [http://www.geheimesgeld.ru]');
    expect(data.email?.fullText).toMatch(
      /Newsletter abmelden hier klicken \[http:\/\/www\.geheimesgeld\.ru\/unsubscribe\.php\?id=78684302557913\]$/,
    );
    expect(data.email?.fullText).not.toContain('iqsbyx');
    expect(data.email?.fullText).not.toMatch(/<\/?[a-z]/i);
    // Known limit of the reply parser: a line starting with ">" reads as a quote.
    expect(data.text).not.toContain('>>>VIDEO<<<');
    expect(data.text).toMatch(/^Im Jahre 2007 wurde er als „asozialer Penner“/);
    expect(data.html).toContain(
      '<a href="http://www.geheimesgeld.ru/unsubscribe.php?id=78684302557913" rel="noopener noreferrer nofollow" target="_blank">Newsletter abmelden hier klicken</a>',
    );
    expect(data.html).not.toMatch(/style=|<title|<head|<meta/);
  });

  it('forward: 8-bit iso-8859-1 body, an empty attached message/rfc822, no Message-ID', async () => {
    const raw = emailFixture('mailparser_iso8859_8bit_forwarded_rfc822.eml');
    const data = await received('mailparser_iso8859_8bit_forwarded_rfc822.eml');
    // No Message-ID: the sha256 of the raw bytes (SOURCES.md lists the same digest's prefix).
    expect(data.providerMessageId).toBe(
      'sha256:b200520934f9523b85b1854083006ede653ebc7aa123d3ce9807f8015fef560b',
    );
    expect(raw.length).toBe(926);
    expect(data.sender).toEqual({
      externalId: 'booewq@uuui.com',
      displayName: 'wwuaof',
      phone: null,
      email: 'booewq@uuui.com',
    });
    // The byte 0xDC in iso-8859-1.
    expect(data.html).toBe('<span>html sectionÜ</span>');
    // The Yahoo footer after the dashes reads as a signature.
    expect(data.text).toBe('Note: forwarded message attached.');
    expect(data.email).toEqual({
      messageId: null,
      inReplyTo: [],
      references: [],
      subject: 'Fwd: fotos',
      to: ['wwer@iiieww.net'],
      cc: [],
      replyToken: null,
      automated: false,
      fullText:
        '\n\nNote: forwarded message attached.\n       \n---------------------------------\nBe a better something.\nCheck it out.',
    });
    expect(data.attachments).toEqual([
      {
        url: null,
        providerMediaId: null,
        name: null,
        contentType: 'message/rfc822',
        size: 0,
        contentId: null,
      },
    ]);
    expect(data.sentAt).toBe('2004-09-09T08:15:52.000Z');
  });

  it('nodemailer: unicode subject, cid inline images kept as cid:, RFC 2231 file name', async () => {
    const data = await received('mailparser_nodemailer_unicode_inline_images_attachments.eml');
    expect(data.providerMessageId).toBe('012d606e-3550-2d94-b566-6cd996de88e3@kreata.ee');
    expect(data.sender).toEqual({
      externalId: 'andris@kreata.ee',
      displayName: 'Andris Kreata',
      phone: null,
      email: 'andris@kreata.ee',
    });
    expect(data.text).toBe('Hello to myself!');
    expect(data.html).toBe(
      '<p><b>Hello</b> to myself <img src="cid:note@example.com" /></p><p>Here\'s a nyan cat for you as an embedded attachment:<br /><img src="cid:nyan@example.com" /></p>',
    );
    expect(data.email).toMatchObject({
      subject: 'Nodemailer is unicode friendly ✔ (1476358788189)',
      // The plus address is not our reply+ form: no token.
      to: ['andris+123@kreata.ee', 'andris.reinman@gmail.com'],
      replyToken: null,
      automated: false,
      fullText: 'Hello to myself!',
    });
    // text/watch-html (the Apple Watch rendering) is not an attachment.
    expect(data.attachments).toEqual([
      {
        url: null,
        providerMediaId: null,
        name: 'image.png',
        contentType: 'image/png',
        size: 126,
        contentId: 'note@example.com',
      },
      {
        url: null,
        providerMediaId: null,
        name: 'nyan cat ✔.gif',
        contentType: 'image/gif',
        size: 29361,
        contentId: 'nyan@example.com',
      },
      {
        url: null,
        providerMediaId: null,
        name: 'notes.txt',
        contentType: 'text/plain',
        size: 28,
        contentId: null,
      },
    ]);
    expect(data.sentAt).toBe('2016-10-13T11:39:48.000Z');
  });

  it('Eudora: HTML only in iso-8859-1 quoted-printable, rendered to text', async () => {
    const data = await received('mmp_html_only_iso8859_qp.eml');
    expect(data.providerMessageId).toBe('4.2.0.58.20000519003052.00a89c40@pop.example.com');
    expect(data.sender).toEqual({
      externalId: 'dwsauder@example.com',
      displayName: 'Doug Sauder',
      phone: null,
      email: 'dwsauder@example.com',
    });
    expect(data.email?.subject).toBe('Die Hasen und die Frösche');
    expect(data.email?.to).toEqual(['mueller@example.com']);
    expect(data.email?.fullText).toBe(FABLE);
    expect(data.text).toBe(FABLE);
    expect(data.html).toMatch(/^<b>Die Hasen und die\nFrösche<br \/>/);
    expect(data.html).not.toMatch(/<font|<html/);
    expect(data.sentAt).toBe('2000-05-19T04:31:00.000Z');
  });

  it('Outlook: Windows-1252 quoted-printable subject and body; the first of two From headers', async () => {
    const data = await received('mmp_windows1252_qp_subject_body.eml');
    expect(data.providerMessageId).toBe('NDBBIAKOPKHFGPLCODIGCEKECHAA.doug@example.com');
    expect(data.sender).toEqual({
      externalId: 'doug@example.com',
      displayName: 'Doug Sauder',
      phone: null,
      email: 'doug@example.com',
    });
    expect(data.email?.subject).toBe('Die Hasen und die Frösche (Microsoft Outlook 00)');
    expect(data.email?.to).toEqual(['mueller@example.com']);
    // Soft line breaks joined; "=20" keeps the spaces before each paragraph break.
    expect(data.email?.fullText).toBe(
      `${FABLE.replace(/(sterben\."|untertauchten\.)\n/g, '$1 \n')} \n`,
    );
    expect(data.text).toBe(FABLE);
    expect(data.html).toBeNull();
    expect(data.sentAt).toBe('2000-05-17T23:30:20.000Z');
  });

  it('talon Outlook reply: the quoted "From: … Sent: …" block is cut from the text', async () => {
    const data = await received('talon_reply_outlook_iso8859_html.eml');
    expect(data.providerMessageId).toBe(
      'sha256:9b7f84f16dc2b1fe3580b3adc14030c5afc570c2066c20ce15884bf1c2b5a194',
    );
    expect(data.sender).toEqual({
      externalId: 'me@example.com',
      displayName: null,
      phone: null,
      email: 'me@example.com',
    });
    expect(data.text).toBe('Hello');
    expect(data.email?.fullText).toMatch(
      /^Hello\n\nFrom: xxx@xxx\.mailgun\.org \[mailto:xxx@xxx\.mailgun\.org\]\nSent: March-09-12 4:22 PM\n/,
    );
    expect(data.email?.fullText).toMatch(
      /Unsubscribe<http:\/\/dev\.xxx\.com\/user\/unsubscribe\/.*>\n$/,
    );
    expect(data.email).toMatchObject({ messageId: null, subject: 'Test', to: ['you@example.com'] });
    // The fixture's HTML part says something else than its text part; both are kept as sent.
    expect(data.html).toMatch(/^<div><p><span>Allo! Follow up MIME!<\/span><\/p>/);
    expect(data.html).not.toMatch(/<style|<o:p|mso-|<xml|class=|lang=/);
    expect(data.sentAt).toBeNull();
  });
});

describe('parseEmail on constructed mail', () => {
  it('decodes ISO-2022-JP (no shared fixture has it)', async () => {
    // "テスト" as JIS escape sequences, in the subject (RFC 2047 B) and the 7-bit body.
    const jis = Buffer.from('1b24422546253925481b2842', 'hex');
    const raw = Buffer.concat([
      mime(
        [
          'From: =?ISO-2022-JP?B?' + Buffer.from(jis).toString('base64') + '?= <taro@example.jp>',
          'To: support@example.com',
          'Subject: =?ISO-2022-JP?B?' + jis.toString('base64') + '?=',
          'Message-ID: <jis@example.jp>',
          'Content-Type: text/plain; charset=ISO-2022-JP',
          'Content-Transfer-Encoding: 7bit',
        ],
        '',
      ),
      jis,
      Buffer.from('\r\n'),
    ]);
    const [event] = await parseEmail(raw, { now: NOW });
    const data = event.data as Received;
    expect(data.email?.subject).toBe('テスト');
    expect(data.sender.displayName).toBe('テスト');
    expect(data.text).toBe('テスト');
  });

  it('reads a folded, comma-and-space separated In-Reply-To with several ids', async () => {
    const raw = mime([
      'From: a@example.com',
      'Message-ID: <m@example.com>',
      'In-Reply-To: <one@example.com>,',
      '\t<two@example.com> <three@example.com>',
      'References: <old@example.com>',
      ' <one@example.com>',
    ]);
    const [event] = await parseEmail(raw, { now: NOW });
    const data = event.data as Received;
    expect(data.email?.inReplyTo).toEqual([
      'one@example.com',
      'two@example.com',
      'three@example.com',
    ]);
    expect(data.email?.references).toEqual(['old@example.com', 'one@example.com']);
    expect(data.replyToProviderMessageId).toBe('one@example.com');
  });

  it('finds the reply token in Cc or the envelope recipient, envelope first, case kept', async () => {
    const raw = mime([
      'From: Bob <BOB@Example.com>',
      'To: help@acme.test',
      'Cc: Reply+CcToken@acme.test',
      'Message-ID: <t@example.com>',
    ]);
    const viaCc = (await parseEmail(raw, { now: NOW }))[0].data as Received;
    expect(viaCc.email?.replyToken).toBe('CcToken');
    expect(viaCc.email?.cc).toEqual(['reply+cctoken@acme.test']);
    expect(viaCc.sender.externalId).toBe('bob@example.com');
    expect(viaCc.sender.email).toBe('bob@example.com');
    const viaEnvelope = (await parseEmail(raw, { now: NOW, recipient: 'reply+Env1@acme.test' }))[0]
      .data as Received;
    expect(viaEnvelope.email?.replyToken).toBe('Env1');
  });

  it('treats X-Auto-Response-Suppress alone as mail a person wrote', async () => {
    const raw = mime(['From: a@example.com', 'X-Auto-Response-Suppress: All']);
    const [event] = await parseEmail(raw, { now: NOW });
    expect((event.data as Received).email?.automated).toBe(false);
  });

  it('uses Sender when From is missing, and rejects mail with neither', async () => {
    const sender = (await parseEmail(mime(['Sender: Robot <robot@example.com>']), { now: NOW }))[0];
    expect((sender.data as Received).sender.externalId).toBe('robot@example.com');
    await expect(parseEmail(mime(['Subject: nobody']), { now: NOW })).rejects.toBeInstanceOf(
      WebhookInputError,
    );
  });

  it('ignores an unreadable Date rather than inventing one', async () => {
    const [event] = await parseEmail(mime(['From: a@example.com', 'Date: yesterday-ish']), {
      now: NOW,
    });
    expect((event.data as Received).sentAt).toBeNull();
  });

  it('keeps the whole text when everything is quoted', async () => {
    const raw = mime(['From: a@example.com'], '> only a quote\r\n> nothing new');
    const [event] = await parseEmail(raw, { now: NOW });
    expect((event.data as Received).text).toBe('> only a quote\n> nothing new');
  });

  describe('delivery reports', () => {
    const report = (
      statusFields: string[],
      original = 'Message-ID: <ours@acme.test>\r\n',
    ): Buffer =>
      Buffer.from(
        [
          'From: MAILER-DAEMON@mx.example.com',
          'To: support@acme.test',
          'Message-ID: <dsn@mx.example.com>',
          'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
          '',
          '--b',
          'Content-Type: text/plain',
          '',
          'Delivery trouble.',
          '--b',
          'Content-Type: message/delivery-status',
          '',
          'Reporting-MTA: dns; mx.example.com',
          'Arrival-Date: Mon, 2 Mar 2026 10:00:00 +0000',
          '',
          ...statusFields,
          '',
          '--b',
          'Content-Type: text/rfc822-headers',
          '',
          `${original}Subject: our reply`,
          '',
          '--b--',
          '',
        ].join('\r\n'),
      );

    it('reports the first failed recipient, its code and diagnostic without the type', async () => {
      const raw = report([
        'Final-Recipient: rfc822; ok@example.com',
        'Action: delivered',
        'Status: 2.0.0',
        '',
        'Final-Recipient: rfc822; gone@example.com',
        'Action: failed',
        'Status: 5.1.1 (user unknown)',
        'Diagnostic-Code: smtp; 550 5.1.1 <gone@example.com>:',
        '  Recipient address rejected',
        'Last-Attempt-Date: Mon, 2 Mar 2026 10:05:00 +0000',
      ]);
      const reading = await readEmail(raw, { now: NOW });
      expect(reading.messageKey).toBe('dsn@mx.example.com');
      expect(reading.events).toHaveLength(1);
      expectContractValid(reading.events[0]);
      expect(reading.events[0].data).toMatchObject({
        providerMessageId: 'ours@acme.test',
        status: 'failed',
        errorCode: '5.1.1',
        errorMessage: '550 5.1.1 <gone@example.com>: Recipient address rejected',
        occurredAt: '2026-03-02T10:05:00.000Z',
      });
    });

    it('reads the attached original message in CRLF, and a status part without a blank line', async () => {
      const raw = Buffer.from(
        [
          'From: postmaster@mx.example.com',
          'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
          'Date: Tue, 3 Mar 2026 08:00:00 +0100',
          '',
          '--b',
          'Content-Type: message/delivery-status',
          '',
          'Final-Recipient: rfc822; gone@example.com',
          'Action: failed',
          'Status: 5.2.2',
          '',
          '--b',
          'Content-Type: message/rfc822',
          '',
          'From: support@acme.test',
          'Message-ID:',
          ' <folded@acme.test>',
          '',
          'Message-ID: <in-the-body@acme.test>',
          '--b--',
          '',
        ].join('\r\n'),
      );
      const reading = await readEmail(raw, { now: NOW });
      expect(reading.events[0].data).toMatchObject({
        providerMessageId: 'folded@acme.test',
        status: 'failed',
        errorCode: '5.2.2',
        errorMessage: null,
        occurredAt: '2026-03-03T07:00:00.000Z',
      });
    });

    it('yields nothing for a delay: the MTA is still trying', async () => {
      const reading = await readEmail(
        report(['Final-Recipient: rfc822; slow@example.com', 'Action: delayed', 'Status: 4.4.7']),
        { now: NOW },
      );
      expect(reading.events).toEqual([]);
      expect(reading.ignoredBecause).toMatch(/delay/);
    });

    it('reports a delivered DSN as delivered, without error fields', async () => {
      const reading = await readEmail(
        report(['Final-Recipient: rfc822; ok@example.com', 'Action: delivered', 'Status: 2.0.0']),
        { now: NOW },
      );
      expect(reading.events[0].data).toMatchObject({
        status: 'delivered',
        errorCode: null,
        errorMessage: null,
        occurredAt: '2026-03-02T10:00:00.000Z',
      });
    });

    it('yields nothing when the original Message-ID is missing, never a message', async () => {
      const reading = await readEmail(
        report(['Final-Recipient: rfc822; x@example.com', 'Action: failed', 'Status: 5.0.0'], ''),
        { now: NOW },
      );
      expect(reading.events).toEqual([]);
      expect(reading.ignoredBecause).toMatch(/Message-ID/);
    });
  });
});
