import { INBOUND_LIMITS } from '../contract-limits';

export const LIMITS = {
  ...INBOUND_LIMITS,
  /**
   * Slack's own ids (team, channel, event, subtype…) are about a dozen characters; 255 is
   * generous and keeps `<channel>:<ts>` within threadRef's 512.
   */
  slackId: 255,
} as const;
