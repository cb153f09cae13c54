/** What a Slack channel account keeps secret: the app's Signing Secret (Basic Information page). */
export interface SlackSecrets {
  signingSecret: string;
}
