import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** How long a visitor token lets a browser reconnect as the same visitor. */
export const VISITOR_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

/** Tolerated drift between the clock that issued a token and the one checking it. */
const CLOCK_SKEW_SECONDS = 60;
const VERSION = 'v1';
const MAX_TOKEN_LENGTH = 2_048;
/** `v1.<base64url JSON claims>.<base64url HMAC-SHA256>`; a SHA-256 MAC is 43 base64url characters. */
const TOKEN_SHAPE = /^v1\.([A-Za-z0-9_-]{1,2000})\.([A-Za-z0-9_-]{43})$/;

/** What a visitor token says: this browser is `visitor` on `site`, from `iat` until `exp` (Unix seconds). */
export interface VisitorTokenClaims {
  site: string;
  visitor: string;
  iat: number;
  exp: number;
}

export type VisitorTokenProblem =
  'malformed' | 'bad_signature' | 'wrong_site' | 'expired' | 'not_yet_valid';

export type VisitorTokenVerdict =
  { ok: true; claims: VisitorTokenClaims } | { ok: false; problem: VisitorTokenProblem };

const claimsSchema = z.object({
  site: z.string().min(1).max(256),
  visitor: z.string().min(1).max(128),
  iat: z.int().nonnegative(),
  exp: z.int().nonnegative(),
});

/**
 * Signs claims into a compact token: `v1.<payload>.<signature>`, the signature an HMAC-SHA256
 * under the site's `visitorTokenSecret` over `v1.<payload>`, so neither the claims nor the
 * version can be changed without the secret.
 */
export function signVisitorToken(claims: VisitorTokenClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  const signed = `${VERSION}.${payload}`;
  return `${signed}.${mac(signed, secret)}`;
}

/** A token for a new or returning visitor, valid for `ttlSeconds` from `now`. */
export function issueVisitorToken(
  subject: { site: string; visitor: string; now: Date; ttlSeconds?: number },
  secret: string,
): { token: string; claims: VisitorTokenClaims; expiresAt: Date } {
  const iat = Math.floor(subject.now.getTime() / 1000);
  const claims: VisitorTokenClaims = {
    site: subject.site,
    visitor: subject.visitor,
    iat,
    exp: iat + (subject.ttlSeconds ?? VISITOR_TOKEN_TTL_SECONDS),
  };
  return {
    token: signVisitorToken(claims, secret),
    claims,
    expiresAt: new Date(claims.exp * 1000),
  };
}

/**
 * Checks a presented token: its shape, then its signature (in constant time, before its
 * claims are even parsed), then that it was issued for `expected.site` and is valid at
 * `expected.now`. Never throws: any input gets a verdict.
 */
export function verifyVisitorToken(
  token: unknown,
  secret: string,
  expected: { site: string; now: Date },
): VisitorTokenVerdict {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return failed('malformed');
  const shape = TOKEN_SHAPE.exec(token);
  if (!shape) return failed('malformed');
  const [, payload, signature] = shape;
  const expectedSignature = Buffer.from(mac(`${VERSION}.${payload}`, secret), 'ascii');
  // Both are 43 ASCII characters (the shape guarantees it), so the comparison is constant-time
  // and compares the canonical encoding: no second spelling of the same MAC is accepted.
  if (!timingSafeEqual(Buffer.from(signature, 'ascii'), expectedSignature)) {
    return failed('bad_signature');
  }
  const claims = parseClaims(payload);
  if (!claims || claims.exp <= claims.iat) return failed('malformed');
  if (claims.site !== expected.site) return failed('wrong_site');
  const now = Math.floor(expected.now.getTime() / 1000);
  if (now >= claims.exp) return failed('expired');
  if (claims.iat > now + CLOCK_SKEW_SECONDS) return failed('not_yet_valid');
  return { ok: true, claims };
}

function mac(signed: string, secret: string): string {
  return createHmac('sha256', secret).update(signed, 'utf8').digest('base64url');
}

function parseClaims(payload: string): VisitorTokenClaims | null {
  try {
    const parsed = claimsSchema.safeParse(
      JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function failed(problem: VisitorTokenProblem): VisitorTokenVerdict {
  return { ok: false, problem };
}
