import { createHash } from 'node:crypto';
import { SLACK_FIXTURE_SHA256, SLACK_FIXTURES, slackFixture } from './slack-fixtures';

describe('Slack fixtures', () => {
  it.each(SLACK_FIXTURES)('%s is still the byte-exact upstream copy', (name) => {
    const sha256 = createHash('sha256').update(slackFixture(name)).digest('hex');
    expect(sha256.slice(0, 12)).toBe(SLACK_FIXTURE_SHA256[name]);
  });
});
