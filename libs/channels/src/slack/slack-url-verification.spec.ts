import { WebhookInputError } from '../webhook-input.error';
import { slackUrlVerification } from './slack-url-verification';
import { slackFixture } from './testing/slack-fixtures';
import { slackRequest } from './testing/signed-slack-request';

const body = (value: unknown) => slackRequest(Buffer.from(JSON.stringify(value)));

describe('slackUrlVerification', () => {
  it('returns the challenge of a url_verification body', () => {
    const request = body({
      token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      type: 'url_verification',
    });
    expect(slackUrlVerification(request)).toBe(
      '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
    );
  });

  it('returns null for an event callback, which goes on to parse', () => {
    expect(slackUrlVerification(slackRequest(slackFixture('message_im_dm.json')))).toBeNull();
  });

  it('names the challenge when it is missing', () => {
    expect(() => slackUrlVerification(body({ type: 'url_verification' }))).toThrow(
      new WebhookInputError('challenge', 'is missing'),
    );
  });
});
