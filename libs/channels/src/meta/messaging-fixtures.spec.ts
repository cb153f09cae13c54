import { metaAdapter } from './meta.adapter';
import { fixture, fixtureJson, metaRequest } from './testing/meta-test-kit';

/** The doc-derived Messenger and Instagram payloads, checked field by field. */
async function parseFixture(path: string) {
  const request = metaRequest(fixture(path));
  return {
    destination: metaAdapter.destination(request),
    parsed: await metaAdapter.parse(request, new Date()),
  };
}

function firstEvent(path: string): unknown {
  return (fixtureJson(path) as { entry: Array<{ messaging: unknown[] }> }).entry[0]!.messaging[0];
}

describe('Messenger fixtures', () => {
  it('page_text_quick_reply.json: the quick reply label is the text', async () => {
    const path = 'messenger/page_text_quick_reply.json';
    const { destination, parsed } = await parseFixture(path);
    expect(destination).toEqual({ channel: 'messenger', accountExternalId: '682498302938465' });
    expect(parsed).toEqual({
      deliveryId: 'mid.1457764197618:41d102a3e1ae206a38',
      events: [
        {
          type: 'inbound.message_received',
          data: {
            channel: 'messenger',
            raw: firstEvent(path),
            providerMessageId: 'mid.1457764197618:41d102a3e1ae206a38',
            sender: { externalId: '1254459154682919', displayName: null, phone: null, email: null },
            threadRef: null,
            replyToProviderMessageId: null,
            text: 'hello, world!',
            html: null,
            attachments: [],
            location: null,
            email: null,
            sentAt: '2016-03-23T00:25:52.478Z',
          },
        },
      ],
    });
  });

  it('page_image_attachment.json: an image by URL, no text', async () => {
    const path = 'messenger/page_image_attachment.json';
    const { parsed } = await parseFixture(path);
    expect(parsed).toEqual({
      deliveryId: 'mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_c',
      events: [
        {
          type: 'inbound.message_received',
          data: {
            channel: 'messenger',
            raw: firstEvent(path),
            providerMessageId: 'mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_c',
            sender: { externalId: '1254459154682919', displayName: null, phone: null, email: null },
            threadRef: null,
            replyToProviderMessageId: null,
            text: '',
            html: null,
            attachments: [
              {
                url: 'https://example.invalid/attachment.jpg',
                providerMediaId: null,
                name: null,
                contentType: null,
                size: null,
                contentId: null,
              },
            ],
            location: null,
            email: null,
            sentAt: '2018-02-12T23:46:35.308Z',
          },
        },
      ],
    });
  });

  it('page_echo_sent_by_app_ignore.json: our own send is ignored', async () => {
    const { destination, parsed } = await parseFixture(
      'messenger/page_echo_sent_by_app_ignore.json',
    );
    expect(destination).toEqual({ channel: 'messenger', accountExternalId: '682498302938465' });
    expect(parsed).toEqual({
      // Prefixed: the fixture reuses the quick-reply fixture's mid (both copied from Meta's docs).
      deliveryId: 'echo:mid.1457764197618:41d102a3e1ae206a38',
      events: [],
      ignoredBecause: 'echo of a message sent by the page or account',
    });
  });
});

describe('Instagram fixtures', () => {
  it('ig_text.json: a text DM to the Instagram account', async () => {
    const path = 'instagram/ig_text.json';
    const { destination, parsed } = await parseFixture(path);
    expect(destination).toEqual({ channel: 'instagram', accountExternalId: '17841400000000000' });
    expect(parsed).toEqual({
      deliveryId: 'MESSAGE-ID',
      events: [
        {
          type: 'inbound.message_received',
          data: {
            channel: 'instagram',
            raw: firstEvent(path),
            providerMessageId: 'MESSAGE-ID',
            sender: { externalId: '1234567890123456', displayName: null, phone: null, email: null },
            threadRef: null,
            replyToProviderMessageId: null,
            text: 'MESSAGE-TEXT',
            html: null,
            attachments: [],
            location: null,
            email: null,
            sentAt: '2019-09-23T18:14:45.349Z',
          },
        },
      ],
    });
  });

  it('ig_echo_sent_by_business_ignore.json: our own send is ignored', async () => {
    const { parsed } = await parseFixture('instagram/ig_echo_sent_by_business_ignore.json');
    expect(parsed).toEqual({
      deliveryId: 'echo:MESSAGE-ID-2',
      events: [],
      ignoredBecause: 'echo of a message sent by the page or account',
    });
  });
});
