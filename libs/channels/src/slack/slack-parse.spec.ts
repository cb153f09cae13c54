import { WebhookInputError } from '../webhook-input.error';
import { parseSlackWebhook } from './slack-parse';
import { editedSlackFixture, slackFixture } from './testing/slack-fixtures';
import { slackRequest } from './testing/signed-slack-request';

/** Cases the captures do not cover, made by editing a capture. */
function parse(body: Buffer) {
  return parseSlackWebhook(slackRequest(body));
}

function inputErrorOf(body: Buffer): WebhookInputError {
  try {
    parse(body);
  } catch (error) {
    if (error instanceof WebhookInputError) return error;
    throw error;
  }
  throw new Error('parse accepted the body');
}

describe('parseSlackWebhook', () => {
  describe('new messages', () => {
    it('points a thread reply at its root, by the id the root got', () => {
      // The bot fixture's thread reply, as if a person had written it.
      const body = editedSlackFixture('bot_reply_in_thread_ignore.json', {
        'event.bot_id': undefined,
        'event.bot_profile': undefined,
        'event.app_id': undefined,
      });
      const [event] = parse(body).events;
      expect(event?.type).toBe('inbound.message_received');
      expect(event?.data).toMatchObject({
        providerMessageId: 'C043YJGBY49:1664216870.477049',
        threadRef: 'C043YJGBY49:1664216109.798919',
        replyToProviderMessageId: null,
        sender: { externalId: 'U0442US8QGH' },
        text: 'TEST',
      });
    });

    it('gives a thread root seen with its own thread_ts the same ref as its replies', () => {
      const body = editedSlackFixture('message_channel_plain.json', {
        'event.thread_ts': '1663966382.046509',
      });
      expect(parse(body).events[0]?.data).toMatchObject({
        providerMessageId: 'C043YJGBY49:1663966382.046509',
        threadRef: 'C043YJGBY49:1663966382.046509',
      });
    });

    it.each(['thread_broadcast', 'me_message'])('takes in subtype %s as a message', (subtype) => {
      const body = editedSlackFixture('message_channel_plain.json', { 'event.subtype': subtype });
      expect(parse(body).events.map((event) => event.type)).toEqual(['inbound.message_received']);
    });

    it('keeps what Slack gives of a Slack Connect file it hides', () => {
      const body = editedSlackFixture('message_file_share_dm.json', {
        'event.files': [{ id: 'F04EEHX1EES', file_access: 'check_file_info' }],
      });
      expect(parse(body).events[0]?.data).toMatchObject({
        attachments: [
          {
            url: null,
            providerMediaId: 'F04EEHX1EES',
            name: null,
            contentType: null,
            size: null,
            contentId: null,
          },
        ],
      });
    });

    it('takes a message without text as empty text', () => {
      const body = editedSlackFixture('message_channel_plain.json', { 'event.text': undefined });
      expect(parse(body).events[0]?.data).toMatchObject({ text: '' });
    });
  });

  describe('ignored messages', () => {
    it('ignores a bot_message from an integration without a bot user', () => {
      const body = editedSlackFixture('message_channel_plain.json', {
        'event.subtype': 'bot_message',
        'event.user': undefined,
        'event.username': 'deploy-notifier',
      });
      expect(parse(body)).toEqual({
        deliveryId: 'Ev043T7CKN84',
        events: [],
        ignoredBecause: 'message from a bot (bot_id or subtype bot_message)',
      });
    });

    it('ignores edits and deletions of bot messages', () => {
      const edit = editedSlackFixture('message_changed_edit_unfurl.json', {
        'event.message.bot_id': 'B0439P161B9',
        'event.message.text': 'changed by the bot',
      });
      const deletion = editedSlackFixture('message_deleted.json', {
        'event.previous_message.bot_id': 'B0439P161B9',
      });
      expect(parse(edit).ignoredBecause).toBe('message_changed of a bot message');
      expect(parse(deletion).ignoredBecause).toBe('message_deleted of a bot message');
    });

    it('ignores workspace noise such as channel_join, saying which subtype', () => {
      const body = editedSlackFixture('message_channel_plain.json', {
        'event.subtype': 'channel_join',
      });
      expect(parse(body)).toEqual({
        deliveryId: 'Ev043T7CKN84',
        events: [],
        ignoredBecause: 'message subtype "channel_join" is not a person\'s message',
      });
    });

    it('ignores other event types, app_mention included (the message arrives as well)', () => {
      const body = editedSlackFixture('message_channel_plain.json', {
        'event.type': 'app_mention',
      });
      expect(parse(body)).toEqual({
        deliveryId: 'Ev043T7CKN84',
        events: [],
        ignoredBecause: 'event type "app_mention" is not handled',
      });
    });
  });

  describe('message_changed', () => {
    it('is an edit when the text changed, dated by Slack\'s "edited" marker', () => {
      const body = editedSlackFixture('message_changed_edit_unfurl.json', {
        'event.message.text': 'fixed a typo',
        'event.message.edited': { user: 'U043H11ES4V', ts: '1663969333.900000' },
      });
      expect(parse(body)).toEqual({
        deliveryId: 'Ev043QRVT9FD',
        events: [
          {
            type: 'inbound.message_edited',
            data: {
              channel: 'slack',
              raw: expect.objectContaining({ event_id: 'Ev043QRVT9FD' }),
              providerMessageId: 'C043YJGBY49:1663969333.524439',
              text: 'fixed a typo',
              editedAt: '2022-09-23T21:42:13.900Z',
            },
          },
        ],
      });
    });

    it('is dated by the event when the text changed without an "edited" marker', () => {
      const body = editedSlackFixture('message_changed_edit_unfurl.json', {
        'event.message.text': 'fixed a typo',
      });
      expect(parse(body).events[0]?.data).toMatchObject({ editedAt: '2022-09-23T21:42:14.001Z' });
    });

    it('trusts the "edited" marker when there is no previous message to compare', () => {
      const marked = editedSlackFixture('message_changed_edit_unfurl.json', {
        'event.previous_message': undefined,
        'event.message.edited': { user: 'U043H11ES4V', ts: '1663969333.900000' },
      });
      const unmarked = editedSlackFixture('message_changed_edit_unfurl.json', {
        'event.previous_message': undefined,
      });
      expect(parse(marked).events.map((event) => event.type)).toEqual(['inbound.message_edited']);
      expect(parse(unmarked).events).toEqual([]);
    });

    it('is a deletion when a thread root with replies becomes a tombstone', () => {
      const body = editedSlackFixture('message_changed_edit_unfurl.json', {
        'event.message': {
          type: 'message',
          subtype: 'tombstone',
          text: 'This message was deleted.',
          user: 'USLACKBOT',
          hidden: true,
          ts: '1663969333.524439',
          thread_ts: '1663969333.524439',
        },
      });
      expect(parse(body).events).toEqual([
        {
          type: 'inbound.message_deleted',
          data: {
            channel: 'slack',
            raw: expect.objectContaining({ event_id: 'Ev043QRVT9FD' }),
            providerMessageId: 'C043YJGBY49:1663969333.524439',
            deletedAt: '2022-09-23T21:42:14.001Z',
          },
        },
      ]);
    });
  });

  describe('other envelopes', () => {
    it('leaves url_verification to slackUrlVerification', () => {
      const body = Buffer.from(
        JSON.stringify({ token: 't', challenge: 'c3po', type: 'url_verification' }),
      );
      expect(inputErrorOf(body)).toEqual(
        new WebhookInputError(
          'type',
          'url_verification is answered by slackUrlVerification, not parsed',
        ),
      );
    });

    it('acknowledges app_rate_limited once per team and minute', () => {
      const body = Buffer.from(
        JSON.stringify({
          token: 't',
          type: 'app_rate_limited',
          team_id: 'T043DB835ML',
          minute_rate_limited: 1518467820,
          api_app_id: 'A0442TUPHGR',
        }),
      );
      expect(parse(body)).toMatchObject({
        deliveryId: 'app_rate_limited:T043DB835ML:1518467820',
        events: [],
      });
    });
  });

  describe('malformed bodies', () => {
    const gone = undefined;
    it.each([
      ['missing channel', 'message_channel_plain.json', { 'event.channel': gone }, 'event.channel'],
      ['missing user', 'message_channel_plain.json', { 'event.user': gone }, 'event.user'],
      ['empty user', 'message_channel_plain.json', { 'event.user': '' }, 'event.user'],
      ['missing ts', 'message_channel_plain.json', { 'event.ts': gone }, 'event.ts'],
      ['malformed ts', 'message_channel_plain.json', { 'event.ts': '1663966382,04' }, 'event.ts'],
      [
        'numeric thread_ts',
        'message_channel_plain.json',
        { 'event.thread_ts': 1 },
        'event.thread_ts',
      ],
      ['numeric text', 'message_channel_plain.json', { 'event.text': 42 }, 'event.text'],
      ['missing event_id', 'message_channel_plain.json', { event_id: gone }, 'event_id'],
      ['missing event', 'message_channel_plain.json', { event: gone }, 'event'],
      ['event not an object', 'message_channel_plain.json', { event: 'message' }, 'event'],
      ['missing event type', 'message_channel_plain.json', { 'event.type': gone }, 'event.type'],
      ['missing envelope type', 'message_channel_plain.json', { type: gone }, 'type'],
      ['unknown envelope type', 'message_channel_plain.json', { type: 'block_actions' }, 'type'],
      [
        'missing message',
        'message_changed_edit_unfurl.json',
        { 'event.message': gone },
        'event.message',
      ],
      [
        'missing message.ts',
        'message_changed_edit_unfurl.json',
        { 'event.message.ts': gone },
        'event.message.ts',
      ],
      [
        'edited marker without ts',
        'message_changed_edit_unfurl.json',
        { 'event.message.text': 'x', 'event.message.edited': { user: 'U1' } },
        'event.message.edited.ts',
      ],
      [
        'missing deleted_ts',
        'message_deleted.json',
        { 'event.deleted_ts': gone },
        'event.deleted_ts',
      ],
      [
        'string size',
        'message_file_share_dm.json',
        { 'event.files.0.size': '12' },
        'event.files[0].size',
      ],
      [
        'negative size',
        'message_file_share_dm.json',
        { 'event.files.0.size': -1 },
        'event.files[0].size',
      ],
      [
        'file not an object',
        'message_file_share_dm.json',
        { 'event.files.0': 'F1' },
        'event.files[0]',
      ],
      ['files not an array', 'message_file_share_dm.json', { 'event.files': {} }, 'event.files'],
    ] as const)('%s (%s) is a 400 naming the field', (_label, fixture, changes, field) => {
      expect(inputErrorOf(editedSlackFixture(fixture, changes)).field).toBe(field);
    });

    it('rejects a body that is not a JSON object', () => {
      expect(inputErrorOf(Buffer.from('payload=%7B%7D')).field).toBe('body');
      expect(inputErrorOf(Buffer.from('[1,2]')).field).toBe('body');
    });

    it('reads the same bytes every time: parse has no hidden state', () => {
      const body = slackFixture('message_im_dm.json');
      expect(parse(body)).toEqual(parse(body));
    });
  });
});
