import { WebhookInputError } from '../webhook-input.error';
import { JsonReader } from './json-reader';
import { readSlackTs, slackTsToIso } from './slack-ts';

const reader = (ts: unknown) => JsonReader.parse(Buffer.from(JSON.stringify({ ts })));

describe('Slack timestamps', () => {
  it.each([
    ['1663966382.046509', '2022-09-23T20:53:02.046Z'],
    ['1663966382.9', '2022-09-23T20:53:02.900Z'],
    ['1663966382', '2022-09-23T20:53:02.000Z'],
    ['0000000000.000000', '1970-01-01T00:00:00.000Z'],
    ['9999999999.999999', '2286-11-20T17:46:39.999Z'],
  ])('reads %s as %s, truncating to the millisecond', (ts, iso) => {
    expect(slackTsToIso(readSlackTs(reader(ts), 'ts'))).toBe(iso);
  });

  it.each(['', '1663966382.', '.5', '1663966382,046509', '-1', '1e9', '16639663820.1', 1663966382])(
    'rejects %j, naming the field',
    (ts) => {
      expect(() => readSlackTs(reader(ts), 'ts')).toThrow(WebhookInputError);
    },
  );

  it('treats an unvalidated ts as a bug, not as the epoch', () => {
    expect(() => slackTsToIso('soon')).toThrow('Not a validated Slack ts');
  });
});
