const VISITOR_ID_BYTES = 16;

/** How many random bytes `createVisitorId` needs. */
export const VISITOR_ID_RANDOM_BYTES = VISITOR_ID_BYTES;

/**
 * A new anonymous visitor's id from 16 random bytes (128 bits: unguessable, never reused):
 * `v_` and 22 base64url characters. The randomness is passed in, so callers and tests
 * control it.
 */
export function createVisitorId(random: Uint8Array): string {
  if (random.length < VISITOR_ID_BYTES) {
    throw new RangeError(`A visitor id needs ${VISITOR_ID_BYTES} random bytes`);
  }
  return `v_${Buffer.from(random.subarray(0, VISITOR_ID_BYTES)).toString('base64url')}`;
}
