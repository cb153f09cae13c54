import type { ParsedWebhook } from '../parsed-inbound';
import { parseMetaWebhook } from './meta-webhook.parser';
import { messagingBody, messagingEvent, metaRequest } from './testing/meta-test-kit';

/**
 * Messenger / Instagram events beyond the fixtures, shaped after Meta's webhook event
 * references (message_reactions, message_deliveries, message_reads / messaging_seen,
 * messaging_postbacks, message_edits, Instagram messages with is_deleted / is_unsupported).
 */
function parse(object: 'page' | 'instagram', ...events: object[]): ParsedWebhook {
  return parseMetaWebhook(metaRequest(messagingBody(object, events)));
}

const AT = '2016-03-23T00:25:52.478Z';
const SENDER = { externalId: 'PSID-1', displayName: null, phone: null, email: null };

describe('Messenger / Instagram messages', () => {
  it('reply_to.mid names the quoted message', () => {
    const parsed = parse(
      'page',
      messagingEvent({ message: { mid: 'm_2', text: 'this one', reply_to: { mid: 'm_1' } } }),
    );
    expect(parsed.events[0]).toMatchObject({
      data: { providerMessageId: 'm_2', replyToProviderMessageId: 'm_1', text: 'this one' },
    });
  });

  it('a reply to our story has no message to point at', () => {
    const parsed = parse(
      'instagram',
      messagingEvent({
        message: { mid: 'm_3', text: 'nice', reply_to: { story: { url: 'https://x', id: 'S1' } } },
      }),
    );
    expect(parsed.events[0]).toMatchObject({ data: { replyToProviderMessageId: null } });
  });

  it('several attachments, templates without a file skipped, titles as names', () => {
    const parsed = parse(
      'page',
      messagingEvent({
        message: {
          mid: 'm_4',
          attachments: [
            { type: 'file', payload: { url: 'https://cdn.example/a.pdf', title: 'a.pdf' } },
            { type: 'template', payload: { template_type: 'generic' } },
            { type: 'video', payload: { url: 'https://cdn.example/v.mp4' } },
          ],
        },
      }),
    );
    expect(parsed.events[0]).toMatchObject({
      data: {
        text: '',
        attachments: [
          { url: 'https://cdn.example/a.pdf', name: 'a.pdf', contentType: null },
          { url: 'https://cdn.example/v.mp4', name: null },
        ],
      },
    });
  });

  it('a location attachment becomes the location', () => {
    const parsed = parse(
      'page',
      messagingEvent({
        message: {
          mid: 'm_5',
          attachments: [
            {
              type: 'location',
              payload: { coordinates: { lat: 48.85, long: 2.35 }, title: 'Paris' },
            },
          ],
        },
      }),
    );
    expect(parsed.events[0]).toMatchObject({
      data: { attachments: [], location: { latitude: 48.85, longitude: 2.35, name: 'Paris' } },
    });
  });

  it('Instagram is_unsupported with nothing else: a placeholder', () => {
    const parsed = parse(
      'instagram',
      messagingEvent({ message: { mid: 'm_6', is_unsupported: true } }),
    );
    expect(parsed.events[0]).toMatchObject({ data: { text: '[unsupported message]' } });
  });

  it('Instagram is_deleted (unsend): message_deleted with its own delivery id', () => {
    const parsed = parse(
      'instagram',
      messagingEvent({ message: { mid: 'm_7', is_deleted: true } }),
    );
    expect(parsed).toEqual({
      deliveryId: 'deleted:m_7',
      events: [
        {
          type: 'inbound.message_deleted',
          data: {
            channel: 'instagram',
            raw: messagingEvent({ message: { mid: 'm_7', is_deleted: true } }),
            providerMessageId: 'm_7',
            deletedAt: AT,
          },
        },
      ],
    });
  });

  it('a message whose sender is the account itself is ignored even without is_echo', () => {
    const parsed = parse('page', messagingEvent({ message: { mid: 'm_8', text: 'x' } }, 'PAGE-1'));
    expect(parsed.events).toEqual([]);
  });

  it('a chat plugin sender is identified by user_ref', () => {
    const event = {
      ...messagingEvent({ message: { mid: 'm_9', text: 'x' } }),
      sender: { user_ref: 'REF-1' },
    };
    expect(parse('page', event).events[0]).toMatchObject({
      data: { sender: { externalId: 'REF-1' } },
    });
  });
});

describe('Messenger / Instagram signals', () => {
  it('message_edit: the new text', () => {
    const parsed = parse(
      'page',
      messagingEvent({ message_edit: { mid: 'm_1', text: 'new', num_edit: 1 } }),
    );
    expect(parsed).toEqual({
      deliveryId: 'edit:m_1:1',
      events: [
        {
          type: 'inbound.message_edited',
          data: {
            channel: 'messenger',
            raw: messagingEvent({ message_edit: { mid: 'm_1', text: 'new', num_edit: 1 } }),
            providerMessageId: 'm_1',
            text: 'new',
            editedAt: AT,
          },
        },
      ],
    });
  });

  it('reaction: the emoji on the reacted-to message', () => {
    const fields = {
      reaction: { reaction: 'love', emoji: '\u2764\uFE0F', action: 'react', mid: 'm_1' },
    };
    expect(parse('page', messagingEvent(fields)).events).toEqual([
      {
        type: 'inbound.reaction_received',
        data: {
          channel: 'messenger',
          raw: messagingEvent(fields),
          providerMessageId: 'm_1',
          sender: SENDER,
          emoji: '❤️',
          occurredAt: AT,
        },
      },
    ]);
  });

  it('unreact: the reaction removed (null)', () => {
    const parsed = parse(
      'instagram',
      messagingEvent({ reaction: { action: 'unreact', mid: 'm_1' } }),
    );
    expect(parsed.events[0]).toMatchObject({
      type: 'inbound.reaction_received',
      data: { emoji: null },
    });
  });

  it('a reaction named without an emoji keeps the name rather than reading as removed', () => {
    const parsed = parse(
      'instagram',
      messagingEvent({ reaction: { action: 'react', reaction: 'love', mid: 'm_1' } }),
    );
    expect(parsed.events[0]).toMatchObject({ data: { emoji: 'love' } });
  });

  it('delivery: one delivered status per mid', () => {
    const parsed = parse(
      'page',
      messagingEvent({ delivery: { mids: ['m_1', 'm_2'], watermark: 1 } }),
    );
    expect(parsed.events).toEqual(
      ['m_1', 'm_2'].map((mid) => ({
        type: 'inbound.status_received',
        data: {
          channel: 'messenger',
          raw: messagingEvent({ delivery: { mids: ['m_1', 'm_2'], watermark: 1 } }),
          providerMessageId: mid,
          status: 'delivered',
          errorCode: null,
          errorMessage: null,
          occurredAt: AT,
        },
      })),
    );
  });

  it('delivery with only a watermark: ignored', () => {
    const parsed = parse('page', messagingEvent({ delivery: { watermark: 1458668856253 } }));
    expect(parsed).toMatchObject({
      events: [],
      ignoredBecause: 'delivery watermark without message ids',
    });
  });

  it('Instagram read names the message', () => {
    const parsed = parse('instagram', messagingEvent({ read: { mid: 'm_1' } }));
    expect(parsed.events[0]).toMatchObject({
      type: 'inbound.status_received',
      data: { channel: 'instagram', providerMessageId: 'm_1', status: 'read' },
    });
  });

  it('Messenger read with only a watermark: ignored', () => {
    const parsed = parse('page', messagingEvent({ read: { watermark: 1458668856253 } }));
    expect(parsed).toMatchObject({
      events: [],
      ignoredBecause: 'read watermark without a message id',
    });
  });

  it('postback: the button title as a message', () => {
    const parsed = parse(
      'page',
      messagingEvent({ postback: { mid: 'm_pb', title: 'Talk to a human', payload: 'HUMAN' } }),
    );
    expect(parsed.events[0]).toMatchObject({
      type: 'inbound.message_received',
      data: { providerMessageId: 'm_pb', text: 'Talk to a human', sender: SENDER, sentAt: AT },
    });
  });

  it('a postback without mid gets a stable id from sender and time', () => {
    const parsed = parse(
      'page',
      messagingEvent({ postback: { title: 'Get Started', payload: 'GS' } }),
    );
    expect(parsed.deliveryId).toBe(`postback:PSID-1:${AT}`);
    expect(parsed.events[0]).toMatchObject({
      data: { providerMessageId: `postback:PSID-1:${AT}` },
    });
  });

  it('events of other kinds (optin, referral…) are ignored, the body hash is the delivery id', () => {
    const parsed = parse('page', messagingEvent({ optin: { ref: 'x' } }));
    expect(parsed.events).toEqual([]);
    expect(parsed.ignoredBecause).toBe('messaging event of a kind we do not handle');
    expect(parsed.deliveryId).toMatch(/^body:[0-9a-f]{64}$/);
  });

  it('standby (another app owns the thread) is not ours to answer', () => {
    const body = {
      object: 'page',
      entry: [
        { id: 'PAGE-1', time: 1, standby: [messagingEvent({ message: { mid: 'm', text: 'x' } })] },
      ],
    };
    expect(parseMetaWebhook(metaRequest(body))).toMatchObject({
      events: [],
      ignoredBecause: 'standby (another app has thread control)',
    });
  });
});
