import type { WebhookDestination } from '../channel-adapter';
import type { WebhookRequest } from '../webhook-request';
import { JsonReader } from './json-reader';
import { LIMITS } from './slack-limits';

/**
 * The workspace a delivery is for: a tenant connects a Slack workspace, so the account is the
 * team id, not `api_app_id` (one app may serve many workspaces).
 *
 * Like Bolt (`buildSource` in App.ts), the installation in `authorizations[0]` wins over the
 * top-level `team_id`: in a Slack Connect channel the top-level `team_id` names the workspace
 * that owns the channel, which may be the other company's (bolt-js#687). Org-wide installs
 * have `authorizations[0].team_id: null` and fall back to `team_id`.
 *
 * `url_verification` bodies name no team (Slack sends them when the Request URL is saved,
 * before any install): the gateway answers them with the app's secret before asking here.
 */
export function slackDestination(request: WebhookRequest): WebhookDestination {
  const body = JsonReader.parse(request.rawBody);
  const [authorization] = body.objects('authorizations');
  const installedTeam = authorization?.optionalString('team_id', LIMITS.slackId);
  const team = installedTeam || body.string('team_id', LIMITS.slackId);
  return { channel: 'slack', accountExternalId: team };
}
