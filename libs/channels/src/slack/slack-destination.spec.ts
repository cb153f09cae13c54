import { WebhookInputError } from '../webhook-input.error';
import { slackDestination } from './slack-destination';
import { editedSlackFixture } from './testing/slack-fixtures';
import { slackRequest } from './testing/signed-slack-request';

describe('slackDestination', () => {
  it('prefers the installation in authorizations[0] over the top-level team_id (Slack Connect)', () => {
    const body = editedSlackFixture('message_im_dm.json', {
      team_id: 'T0OTHERCO',
      is_ext_shared_channel: true,
    });
    expect(slackDestination(slackRequest(body))).toEqual({
      channel: 'slack',
      accountExternalId: 'T043DB835ML',
    });
  });

  it('falls back to team_id for an org-wide install, whose authorization has no team', () => {
    const body = editedSlackFixture('message_im_dm.json', {
      'authorizations.0.team_id': null,
      'authorizations.0.is_enterprise_install': true,
    });
    expect(slackDestination(slackRequest(body)).accountExternalId).toBe('T043DB835ML');
  });

  it('falls back to team_id when there are no authorizations', () => {
    const body = editedSlackFixture('message_im_dm.json', { authorizations: undefined });
    expect(slackDestination(slackRequest(body)).accountExternalId).toBe('T043DB835ML');
  });

  it('names team_id when neither the installation nor the envelope names a team', () => {
    const body = editedSlackFixture('message_im_dm.json', {
      team_id: undefined,
      'authorizations.0.team_id': null,
    });
    expect(() => slackDestination(slackRequest(body))).toThrow(
      new WebhookInputError('team_id', 'is missing'),
    );
  });

  it('names team_id for url_verification, which the gateway answers before asking', () => {
    const urlVerification = Buffer.from(
      JSON.stringify({ token: 't', challenge: 'c3po', type: 'url_verification' }),
    );
    expect(() => slackDestination(slackRequest(urlVerification))).toThrow(
      new WebhookInputError('team_id', 'is missing'),
    );
  });
});
