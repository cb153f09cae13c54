import { metaAdapter } from './meta.adapter';
import { fixture, fixtureJson, metaRequest } from './testing/meta-test-kit';

/** The pywa sample payloads in test-fixtures/meta/whatsapp, checked field by field. */
const SENDER = {
  externalId: '972987654321',
  displayName: 'Test Name',
  phone: '972987654321',
  email: null,
};

async function parseFixture(path: string) {
  const request = metaRequest(fixture(path));
  return {
    destination: metaAdapter.destination(request),
    parsed: await metaAdapter.parse(request, new Date()),
  };
}

/** `entry[0].changes[0].value.<list>[0]` of a fixture: the `raw` each event must keep. */
function firstItem(path: string, list: 'messages' | 'statuses'): unknown {
  const body = fixtureJson(path) as {
    entry: Array<{ changes: Array<{ value: Record<string, unknown[]> }> }>;
  };
  return body.entry[0]!.changes[0]!.value[list]![0];
}

describe('WhatsApp Cloud fixtures', () => {
  it('cloud_text.json: a text message', async () => {
    const path = 'whatsapp/cloud_text.json';
    const { destination, parsed } = await parseFixture(path);
    expect(destination).toEqual({ channel: 'whatsapp_cloud', accountExternalId: '1122334455667' });
    expect(parsed).toEqual({
      deliveryId: 'wamid.xyzxyz',
      events: [
        {
          type: 'inbound.message_received',
          data: {
            channel: 'whatsapp_cloud',
            raw: firstItem(path, 'messages'),
            providerMessageId: 'wamid.xyzxyz',
            sender: SENDER,
            threadRef: null,
            replyToProviderMessageId: null,
            text: 'Body Text',
            html: null,
            attachments: [],
            location: null,
            email: null,
            sentAt: '2023-10-11T16:53:43.000Z',
          },
        },
      ],
    });
  });

  it('cloud_document_forwarded_caption.json: a document, caption as text, forwarded', async () => {
    const path = 'whatsapp/cloud_document_forwarded_caption.json';
    const { parsed } = await parseFixture(path);
    expect(parsed).toEqual({
      deliveryId: 'wamid.xyzxyz',
      events: [
        {
          type: 'inbound.message_received',
          data: {
            channel: 'whatsapp_cloud',
            raw: firstItem(path, 'messages'),
            providerMessageId: 'wamid.xyzxyz',
            sender: SENDER,
            threadRef: null,
            // `context: { forwarded: true }` has no id: it replies to nothing.
            replyToProviderMessageId: null,
            text: 'caption',
            html: null,
            attachments: [
              {
                url: null,
                providerMediaId: '1234567890987654321',
                name: 'filename.pdf',
                contentType: 'application/pdf',
                size: null,
                contentId: null,
              },
            ],
            location: null,
            email: null,
            sentAt: '2023-10-11T17:01:06.000Z',
          },
        },
      ],
    });
  });

  it('cloud_reply_with_context.json: a reply names the quoted message', async () => {
    const path = 'whatsapp/cloud_reply_with_context.json';
    const { parsed } = await parseFixture(path);
    expect(parsed).toEqual({
      deliveryId: 'wamid.xyzxyz',
      events: [
        {
          type: 'inbound.message_received',
          data: {
            channel: 'whatsapp_cloud',
            raw: firstItem(path, 'messages'),
            providerMessageId: 'wamid.xyzxyz',
            sender: SENDER,
            threadRef: null,
            replyToProviderMessageId: 'wamid.xyzxyz==',
            text: 'replied text',
            html: null,
            attachments: [],
            location: null,
            email: null,
            sentAt: '2023-10-11T17:19:06.000Z',
          },
        },
      ],
    });
  });

  it('cloud_unsupported_type_error.json: becomes a visible placeholder message', async () => {
    const path = 'whatsapp/cloud_unsupported_type_error.json';
    const { parsed } = await parseFixture(path);
    expect(parsed).toEqual({
      deliveryId: 'wamid.xyzxyz',
      events: [
        {
          type: 'inbound.message_received',
          data: {
            channel: 'whatsapp_cloud',
            raw: firstItem(path, 'messages'),
            providerMessageId: 'wamid.xyzxyz',
            sender: SENDER,
            threadRef: null,
            replyToProviderMessageId: null,
            // The fixture spells Meta's `poll` type "pool" (upstream's sample); kept as sent.
            text: '[unsupported message: pool]',
            html: null,
            attachments: [],
            location: null,
            email: null,
            sentAt: '2023-10-11T17:18:26.000Z',
          },
        },
      ],
    });
  });

  it('cloud_status_failed.json: a failed delivery with its error', async () => {
    const path = 'whatsapp/cloud_status_failed.json';
    const { destination, parsed } = await parseFixture(path);
    expect(destination).toEqual({ channel: 'whatsapp_cloud', accountExternalId: '1122334455667' });
    expect(parsed).toEqual({
      deliveryId: 'wamid.xyzxyz:failed',
      events: [
        {
          type: 'inbound.status_received',
          data: {
            channel: 'whatsapp_cloud',
            raw: firstItem(path, 'statuses'),
            providerMessageId: 'wamid.xyzxyz',
            status: 'failed',
            errorCode: '130472',
            errorMessage: "User's number is part of an experiment",
            occurredAt: '2023-07-15T00:20:58.000Z',
          },
        },
      ],
    });
  });
});
