import fc from 'fast-check';
import type { ParsedInbound, ParsedWebhook } from '../parsed-inbound';
import { WebhookInputError } from '../webhook-input.error';
import type { WebhookRequest } from '../webhook-request';
import { mailgunAdapter } from './mailgun.adapter';
import { parseEmail } from './parse-email';
import { postmarkAdapter } from './postmark.adapter';
import { sanitizeEmailHtml } from './safe-html';
import { sendgridAdapter } from './sendgrid.adapter';
import { expectContractValid } from './testing/contract-check';
import { EML_FIXTURES, emailFixture, INBOUND_FIXTURES } from './testing/email-fixtures';
import { emailRequest, multipartBody, urlencodedBody } from './testing/email-requests';
import { htmlSafetyProblems } from './testing/html-safety';

const NOW = new Date('2026-03-01T12:00:00.000Z');

/** Markup and header material attackers and broken mailers send, to splice into inputs. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//x.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<iframe src="data:text/html,<script>alert(1)</script>">',
  '<body onload=alert(1)>',
  '<p style="x:expression(alert(1))" onclick="x">',
  '<!--<script>x</script>-->',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<<script>script>alert(1)<</script>/script>',
  '"><img src=x onerror=alert(1)>',
  '\u0000',
  '\ud800',
  '=?UTF-8?B?PHNjcmlwdD4=?=',
  'Content-Type: text/html\r\n\r\n',
  '--boundary\r\n',
  '\r\n\r\n',
];

const hostile = fc.constantFrom(...HOSTILE);
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), hostile);
const messy = fc.array(text, { maxLength: 6 }).map((parts) => parts.join(''));

/** How many parses produced HTML to check, so a property cannot pass by rejecting everything. */
let htmlChecked = 0;

/** What every parse must satisfy: events the contract accepts, and HTML safe to render. */
function checkEvents(events: readonly ParsedInbound[]): void {
  for (const event of events) {
    expectContractValid(event);
    if (event.type === 'inbound.message_received' && event.data.html !== null) {
      expect(htmlSafetyProblems(event.data.html)).toEqual([]);
      htmlChecked++;
    }
  }
}

/** Parsing may reject the input, but only as malformed (400), never with another error. */
async function parsesOrRejectsAsInput(
  parse: () => Promise<readonly ParsedInbound[]>,
): Promise<void> {
  let events: readonly ParsedInbound[];
  try {
    events = await parse();
  } catch (error) {
    if (error instanceof WebhookInputError) return;
    throw error;
  }
  checkEvents(events);
}

/** The same for a whole adapter: destination, then parse. */
async function adapterHandles(
  adapter: {
    destination(r: WebhookRequest): unknown;
    parse(r: WebhookRequest, now: Date): Promise<ParsedWebhook>;
  },
  request: WebhookRequest,
): Promise<void> {
  try {
    adapter.destination(request);
  } catch (error) {
    if (!(error instanceof WebhookInputError)) throw error;
  }
  await parsesOrRejectsAsInput(async () => (await adapter.parse(request, NOW)).events);
}

/** Byte-level damage: flips, deletions, insertions of hostile material, truncation. */
type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'cut'; at: number; length: number }
  | { kind: 'insert'; at: number; value: string }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.nat({ max: 64 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: messy }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(original: Buffer, mutations: readonly Mutation[]): Buffer {
  let bytes = Buffer.from(original);
  for (const change of mutations) {
    const at = bytes.length === 0 ? 0 : change.at % bytes.length;
    if (change.kind === 'flip') {
      if (bytes.length > 0) bytes[at] = change.byte;
    } else if (change.kind === 'cut') {
      bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + change.length)]);
    } else if (change.kind === 'insert') {
      bytes = Buffer.concat([
        bytes.subarray(0, at),
        Buffer.from(change.value, 'utf8'),
        bytes.subarray(at),
      ]);
    } else {
      bytes = bytes.subarray(0, at);
    }
  }
  return bytes;
}

const mutations = fc.array(mutation, { minLength: 1, maxLength: 6 });

/** A structurally plausible MIME message with hostile content in every slot. */
const generatedMime = fc
  .record({
    from: fc.oneof({ arbitrary: fc.emailAddress(), weight: 4 }, messy, fc.constant('')),
    subject: messy,
    inReplyTo: messy,
    references: fc.array(messy, { maxLength: 4 }),
    extraHeader: fc.constantFrom(
      'Auto-Submitted: auto-replied',
      'Precedence: bulk',
      'X-Autoreply: yes',
      'X-Foo: bar',
    ),
    charset: fc.constantFrom(
      'utf-8',
      'iso-8859-1',
      'windows-1252',
      'iso-2022-jp',
      'x-unknown',
      'utf-7',
    ),
    encoding: fc.constantFrom('7bit', '8bit', 'base64', 'quoted-printable', 'x-bogus'),
    plain: messy,
    html: messy,
    multipart: fc.boolean(),
    report: fc.boolean(),
  })
  .map((m) => {
    const body = (content: string): string =>
      m.encoding === 'base64' ? Buffer.from(content, 'utf8').toString('base64') : content;
    const head = [
      `From: ${m.from}`,
      `Subject: ${m.subject}`,
      `In-Reply-To: ${m.inReplyTo}`,
      `References: ${m.references.join(' ')}`,
      m.extraHeader,
      'MIME-Version: 1.0',
    ];
    if (!m.multipart) {
      return Buffer.from(
        [
          ...head,
          `Content-Type: text/html; charset=${m.charset}`,
          `Content-Transfer-Encoding: ${m.encoding}`,
          '',
          body(m.html),
        ].join('\r\n'),
      );
    }
    const type = m.report
      ? 'multipart/report; report-type=delivery-status'
      : 'multipart/alternative';
    return Buffer.from(
      [
        ...head,
        `Content-Type: ${type}; boundary="zz"`,
        '',
        '--zz',
        `Content-Type: text/plain; charset=${m.charset}`,
        `Content-Transfer-Encoding: ${m.encoding}`,
        '',
        body(m.plain),
        '--zz',
        m.report
          ? 'Content-Type: message/delivery-status'
          : `Content-Type: text/html; charset=${m.charset}`,
        '',
        m.report ? `Action: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: ${m.plain}` : body(m.html),
        '--zz',
        'Content-Type: text/rfc822-headers',
        '',
        `Message-ID: ${m.inReplyTo}`,
        '--zz--',
        '',
      ].join('\r\n'),
    );
  });

describe('parseEmail never fails except as malformed input, never emits unsafe HTML', () => {
  it('on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => {
        await parsesOrRejectsAsInput(() => parseEmail(Buffer.from(bytes), { now: NOW }));
      }),
      { numRuns: 200 },
    );
  });

  it('on every fixture, mutated', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EML_FIXTURES), mutations, async (fixture, changes) => {
        const raw = mutate(emailFixture(fixture), changes);
        await parsesOrRejectsAsInput(() => parseEmail(raw, { now: NOW }));
      }),
      { numRuns: 300 },
    );
  });

  it('on generated MIME with hostile headers and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(generatedMime, async (raw) => {
        await parsesOrRejectsAsInput(() =>
          parseEmail(raw, { now: NOW, recipient: 'reply+t@acme.test' }),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('sanitizeEmailHtml', () => {
  it('never lets a script, event handler or script URL through', () => {
    fc.assert(
      fc.property(messy, (html) => {
        expect(htmlSafetyProblems(sanitizeEmailHtml(html))).toEqual([]);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('the adapters never fail except as malformed input', () => {
  const multipart = (body: Buffer) =>
    emailRequest(body, { 'content-type': 'multipart/form-data; boundary=xYzZY' });

  it('SendGrid: mutated sample posts', async () => {
    const samples = INBOUND_FIXTURES.filter((name) => name.includes('sendgrid'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...samples), mutations, async (fixture, changes) => {
        await adapterHandles(sendgridAdapter, multipart(mutate(emailFixture(fixture), changes)));
      }),
      { numRuns: 300 },
    );
  });

  it('SendGrid: generated parsed-mode forms with hostile fields', async () => {
    htmlChecked = 0;
    const textField = fc.record({
      name: fc.constantFrom('headers', 'from', 'to', 'cc', 'subject', 'text', 'html'),
      value: messy,
    });
    // JSON fields get JSON most of the time, or they would only ever test the JSON check.
    const jsonField = fc.record({
      name: fc.constantFrom('envelope', 'charsets', 'attachment-info', 'content-ids'),
      value: fc.oneof({ arbitrary: fc.json(), weight: 3 }, messy),
    });
    const file = fc.record({
      name: fc.constantFrom('attachment1', 'attachment2'),
      value: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
      filename: messy.map((name) => name.replace(/["\r\n]/g, '') || 'f'),
    });
    const parts = fc.array(fc.oneof(textField, jsonField, file), { maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(messy, parts, async (html, rest) => {
        // A sender, a recipient and HTML first (the first field of a name wins), so most posts
        // get as far as building a message.
        const base = [
          { name: 'from', value: 'a@example.com' },
          { name: 'to', value: 'support@acme.test' },
          { name: 'html', value: html },
        ];
        await adapterHandles(
          sendgridAdapter,
          multipart(multipartBody('xYzZY', [...base, ...rest])),
        );
      }),
      { numRuns: 300 },
    );
    expect(htmlChecked).toBeGreaterThan(30);
  });

  it('Mailgun: generated urlencoded forms, with and without body-mime', async () => {
    const names = [
      'recipient',
      'from',
      'subject',
      'body-plain',
      'stripped-text',
      'body-html',
      'message-headers',
      'content-id-map',
      'timestamp',
      'token',
      'signature',
    ];
    const field = fc.tuple(fc.constantFrom(...names), messy);
    const mime = fc.oneof(
      generatedMime,
      fc.uint8Array({ maxLength: 500 }).map((b) => Buffer.from(b)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(field, { maxLength: 10 }),
        fc.option(mime),
        async (fields, bodyMime) => {
          const all: Array<[string, string | Buffer]> = [
            ['recipient', 'support@acme.test'],
            ['from', 'a@example.com'],
            ...fields,
          ];
          if (bodyMime !== null) all.push(['body-mime', bodyMime]);
          const request = emailRequest(urlencodedBody(all), {
            'content-type': 'application/x-www-form-urlencoded',
          });
          expect(mailgunAdapter.verify(request, { signingKey: 'k' }, NOW).ok).toBe(false);
          await adapterHandles(mailgunAdapter, request);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('Mailgun and SendGrid: random bytes under either content type', async () => {
    const types = [
      'multipart/form-data; boundary=xYzZY',
      'application/x-www-form-urlencoded',
      'text/plain',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 1_000 }),
        fc.constantFrom(...types),
        async (bytes, type) => {
          const request = emailRequest(Buffer.from(bytes), { 'content-type': type });
          await adapterHandles(mailgunAdapter, request);
          await adapterHandles(sendgridAdapter, request);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('Postmark: the sample with fields replaced by arbitrary JSON, and mutated bytes', async () => {
    const sample = JSON.parse(
      emailFixture('inbound/postmark_inbound_attachments_escaped_slashes.json').toString('utf8'),
    ) as Record<string, unknown>;
    const keys = Object.keys(sample);
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...keys), fc.oneof(fc.jsonValue(), messy)),
        async (changes) => {
          await adapterHandles(
            postmarkAdapter,
            emailRequest(Buffer.from(JSON.stringify({ ...sample, ...changes })), {}),
          );
        },
      ),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(mutations, async (changes) => {
        const raw = mutate(
          emailFixture('inbound/postmark_inbound_attachments_escaped_slashes.json'),
          changes,
        );
        await adapterHandles(postmarkAdapter, emailRequest(raw, {}));
      }),
      { numRuns: 200 },
    );
  });
});
