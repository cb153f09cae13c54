import { fixtureJson } from './testing/meta-test-kit';
import { xCrcResponse } from './x-crc';

interface CrcVector {
  consumerSecret: string;
  crcToken: string;
  expectedResponse: { response_token: string };
}

describe('xCrcResponse (X Account Activity API CRC)', () => {
  const vector = fixtureJson('x/crc_challenge_vector.json') as CrcVector;

  it('matches the known-answer vector', () => {
    expect(xCrcResponse(vector.crcToken, vector.consumerSecret)).toEqual(vector.expectedResponse);
  });

  it('depends on the secret', () => {
    expect(xCrcResponse(vector.crcToken, `${vector.consumerSecret}x`)).not.toEqual(
      vector.expectedResponse,
    );
  });
});
