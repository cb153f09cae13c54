import { storableString } from '@switchboard/contracts';
import { z } from 'zod';
import { WEBCHAT_MAX_TEXT_LENGTH } from './webchat-protocol';

/** What a visitor's `message` event carries. */
export const webchatMessageSchema = z.object({
  /** The widget's id for this message (e.g. a UUID); a resend with the same id is stored once. */
  clientMessageId: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'must be 1–128 letters, digits, ".", "_", ":" or "-"'),
  text: storableString()
    .max(WEBCHAT_MAX_TEXT_LENGTH)
    .refine((text) => text.trim().length > 0, 'must not be blank'),
});

/** What a visitor's `identify` event carries: details the visitor typed into the widget. */
export const webchatIdentifySchema = z.object({
  name: storableString().trim().min(1).max(256).optional(),
  email: z.string().trim().max(320).pipe(z.email()).optional(),
});

/** The socket.io handshake's `auth` object. */
export const webchatHandshakeSchema = z.object({
  siteKey: z.string().min(1).max(128),
  token: z.string().min(1).max(4_096),
});

export type WebchatMessage = z.infer<typeof webchatMessageSchema>;
export type WebchatIdentify = z.infer<typeof webchatIdentifySchema>;
export type WebchatHandshake = z.infer<typeof webchatHandshakeSchema>;

export type PayloadResult<T> =
  { ok: true; value: T } | { ok: false; field: string; problem: string };

export function parseWebchatMessage(payload: unknown): PayloadResult<WebchatMessage> {
  return parsePayload(webchatMessageSchema, payload);
}

export function parseWebchatIdentify(payload: unknown): PayloadResult<WebchatIdentify> {
  return parsePayload(webchatIdentifySchema, payload);
}

export function parseWebchatHandshake(auth: unknown): PayloadResult<WebchatHandshake> {
  return parsePayload(webchatHandshakeSchema, auth);
}

/** What the visitor has told us about themselves on this connection. */
export interface WebchatVisitorProfile {
  name: string | null;
  email: string | null;
}

export const ANONYMOUS_VISITOR: WebchatVisitorProfile = { name: null, email: null };

/** A later `identify` overrides the fields it names and keeps the others. */
export function applyIdentify(
  profile: WebchatVisitorProfile,
  identify: WebchatIdentify,
): WebchatVisitorProfile {
  return {
    name: identify.name ?? profile.name,
    email: identify.email ?? profile.email,
  };
}

function parsePayload<T>(schema: z.ZodType<T>, payload: unknown): PayloadResult<T> {
  const result = schema.safeParse(payload);
  if (result.success) return { ok: true, value: result.data };
  const [issue] = result.error.issues;
  return {
    ok: false,
    field: issue.path.map(String).join('.') || '(payload)',
    problem: issue.message,
  };
}
