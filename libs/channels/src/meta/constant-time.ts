import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets without leaking where they differ or how long the expected one is:
 * both sides are hashed first, so `timingSafeEqual` always sees 32 bytes.
 */
export function constantTimeEqual(a: string | Buffer, b: string | Buffer): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

function sha256(value: string | Buffer): Buffer {
  return createHash('sha256').update(value).digest();
}
