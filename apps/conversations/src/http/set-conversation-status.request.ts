import { routingId } from '@switchboard/contracts';
import type { InvalidField } from '@switchboard/platform';
import { z } from 'zod';

/** The body of `POST /v1/conversations/:conversationId/status`. */
export const setConversationStatusRequestSchema = z
  .object({
    status: z.enum(['open', 'pending', 'snoozed']),
    /** When a snooze ends by itself (ISO 8601 with an offset); omitted: until the customer writes. */
    snoozedUntil: z.iso
      .datetime({ offset: true, message: 'must be an ISO 8601 date-time with an offset' })
      .transform((value) => new Date(value))
      .optional(),
    /** The agent changing it (a routing id); `api` when not said. */
    changedBy: routingId.default('api'),
  })
  .superRefine((body, context) => {
    if (body.snoozedUntil !== undefined && body.status !== 'snoozed') {
      context.addIssue({
        code: 'custom',
        path: ['snoozedUntil'],
        message: "only with status 'snoozed'",
      });
    }
  });

export type SetConversationStatusRequest = z.infer<typeof setConversationStatusRequestSchema>;

/** A snooze must end after the request (known only when it arrives, so not in the schema). */
export function snoozeEndProblems(
  request: Pick<SetConversationStatusRequest, 'snoozedUntil'>,
  now: Date,
): InvalidField[] {
  return request.snoozedUntil && request.snoozedUntil.getTime() <= now.getTime()
    ? [{ field: 'snoozedUntil', problem: 'must be in the future' }]
    : [];
}
