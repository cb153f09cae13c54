import {
  inboundMessageDeletedV1,
  inboundMessageEditedV1,
  inboundMessageReceivedV1,
} from '@switchboard/contracts';
import type { ParsedInbound, ParsedWebhook } from '../parsed-inbound';
import { slackAdapter } from './slack.adapter';
import { slackFixture, type SlackFixture } from './testing/slack-fixtures';
import { signedSlackRequest, TEST_SIGNING_SECRET } from './testing/signed-slack-request';

const secrets = { signingSecret: TEST_SIGNING_SECRET };
const now = new Date('2026-01-15T10:00:00Z');

/** What the gateway does with each fixture: destination, verify, parse. */
async function receive(name: SlackFixture, headers: Record<string, string> = {}) {
  const rawBody = slackFixture(name);
  const request = signedSlackRequest(rawBody, { signedAt: now, headers });
  return {
    destination: slackAdapter.destination(request),
    verification: slackAdapter.verify(request, secrets, now),
    parsed: await slackAdapter.parse(request, now),
    rawWithoutToken: withoutToken(JSON.parse(rawBody.toString('utf8'))),
  };
}

function withoutToken({ token: _token, ...rest }: Record<string, unknown>) {
  return rest;
}

/** Every fact must pass the contract once the gateway adds its own fields. */
function expectValidAgainstContract(parsed: ParsedWebhook): void {
  const gateway = { channelAccountId: '2f1c7a52-3c3b-4f57-9d0e-6f1f3c0a9b11' };
  for (const event of parsed.events) {
    const schema = schemaFor(event);
    const data = { ...event.data, ...gateway, receivedAt: '2026-01-15T10:00:00.000Z' };
    expect(schema.safeParse(data).error).toBeUndefined();
  }
}

function schemaFor(event: ParsedInbound) {
  switch (event.type) {
    case 'inbound.message_received':
      return inboundMessageReceivedV1;
    case 'inbound.message_edited':
      return inboundMessageEditedV1;
    case 'inbound.message_deleted':
      return inboundMessageDeletedV1;
    default:
      throw new Error(`the Slack adapter does not emit ${event.type}`);
  }
}

describe('slackAdapter with the captured fixtures', () => {
  it('takes in a plain channel message', async () => {
    const { destination, verification, parsed, rawWithoutToken } = await receive(
      'message_channel_plain.json',
    );
    // This capture's authorizations[0].team_id lost a letter in upstream's anonymisation
    // (top-level team_id is T043DB835ML); the installation still wins, as in Bolt.
    expect(destination).toEqual({ channel: 'slack', accountExternalId: 'T043DB835L' });
    expect(verification).toEqual({ ok: true });
    expect(parsed).toEqual({
      deliveryId: 'Ev043T7CKN84',
      events: [
        {
          type: 'inbound.message_received',
          data: {
            channel: 'slack',
            raw: rawWithoutToken,
            providerMessageId: 'C043YJGBY49:1663966382.046509',
            sender: { externalId: 'U043H11ES4V', displayName: null, phone: null, email: null },
            threadRef: null,
            replyToProviderMessageId: null,
            text: 'dgsfklsdgf',
            html: null,
            attachments: [],
            location: null,
            email: null,
            sentAt: '2022-09-23T20:53:02.046Z',
          },
        },
      ],
    });
    expect(parsed.events[0]?.data.raw).not.toHaveProperty('token');
    expectValidAgainstContract(parsed);
  });

  it('takes in a direct message', async () => {
    const { destination, verification, parsed, rawWithoutToken } =
      await receive('message_im_dm.json');
    expect(destination).toEqual({ channel: 'slack', accountExternalId: 'T043DB835ML' });
    expect(verification).toEqual({ ok: true });
    expect(parsed).toEqual({
      deliveryId: 'Ev044C51K43V',
      events: [
        {
          type: 'inbound.message_received',
          data: {
            channel: 'slack',
            raw: rawWithoutToken,
            providerMessageId: 'D0442US94JD:1664408649.009629',
            sender: { externalId: 'U043H11ES4V', displayName: null, phone: null, email: null },
            threadRef: null,
            replyToProviderMessageId: null,
            text: 'test',
            html: null,
            attachments: [],
            location: null,
            email: null,
            sentAt: '2022-09-28T23:44:09.009Z',
          },
        },
      ],
    });
    expectValidAgainstContract(parsed);
  });

  it('takes in a file shared in a DM as an attachment with its private URL', async () => {
    const { destination, verification, parsed, rawWithoutToken } = await receive(
      'message_file_share_dm.json',
    );
    expect(destination).toEqual({ channel: 'slack', accountExternalId: 'T043DB835ML' });
    expect(verification).toEqual({ ok: true });
    expect(parsed).toEqual({
      deliveryId: 'Ev04EEHX2PSS',
      events: [
        {
          type: 'inbound.message_received',
          data: {
            channel: 'slack',
            raw: rawWithoutToken,
            providerMessageId: 'D0442US94JD:1670631527.874149',
            sender: { externalId: 'U043H11ES4V', displayName: null, phone: null, email: null },
            threadRef: null,
            replyToProviderMessageId: null,
            text: 'message message message',
            html: null,
            attachments: [
              {
                url: 'https://files.slack.com/files-pri/T043DB835ML-F04EEHX1EES/namenamename.txt',
                providerMediaId: 'F04EEHX1EES',
                name: 'namenamename.txt',
                contentType: 'text/plain',
                size: 12,
                contentId: null,
              },
            ],
            location: null,
            email: null,
            sentAt: '2022-12-10T00:18:47.874Z',
          },
        },
      ],
    });
    expectValidAgainstContract(parsed);
  });

  it('ignores a message_changed that only added a link unfurl', async () => {
    const { destination, verification, parsed } = await receive('message_changed_edit_unfurl.json');
    expect(destination).toEqual({ channel: 'slack', accountExternalId: 'T043DB835ML' });
    expect(verification).toEqual({ ok: true });
    expect(parsed).toEqual({
      deliveryId: 'Ev043QRVT9FD',
      events: [],
      ignoredBecause: 'message_changed without a text change (unfurl or thread metadata)',
    });
  });

  it('takes in a deletion, naming the deleted message by deleted_ts', async () => {
    const { destination, verification, parsed, rawWithoutToken } =
      await receive('message_deleted.json');
    expect(destination).toEqual({ channel: 'slack', accountExternalId: 'T043DB835ML' });
    expect(verification).toEqual({ ok: true });
    expect(parsed).toEqual({
      deliveryId: 'Ev043QRVT9FE',
      events: [
        {
          type: 'inbound.message_deleted',
          data: {
            channel: 'slack',
            raw: rawWithoutToken,
            // The plain-message fixture's id: this capture deletes that message.
            providerMessageId: 'C043YJGBY49:1663966382.046509',
            deletedAt: '2022-09-23T21:43:03.001Z',
          },
        },
      ],
    });
    expectValidAgainstContract(parsed);
  });

  it("ignores another app's bot replying in a thread", async () => {
    const { destination, verification, parsed } = await receive('bot_reply_in_thread_ignore.json');
    expect(destination).toEqual({ channel: 'slack', accountExternalId: 'T043DB835ML' });
    expect(verification).toEqual({ ok: true });
    expect(parsed).toEqual({
      deliveryId: 'Ev043VFLT545',
      events: [],
      ignoredBecause: 'message from a bot (bot_id or subtype bot_message)',
    });
  });

  it('gives a retried delivery the same deliveryId, so the gateway accepts it once', async () => {
    const first = await receive('message_channel_plain.json');
    const retry = await receive('message_channel_plain.json', {
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(retry.verification).toEqual({ ok: true });
    expect(retry.parsed.deliveryId).toBe('Ev043T7CKN84');
    expect(retry.parsed).toEqual(first.parsed);
  });
});
