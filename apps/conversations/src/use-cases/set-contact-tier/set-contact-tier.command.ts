import { contactTierSchema } from '@switchboard/contracts';
import { z } from 'zod';
import type { EventCause } from '@switchboard/bus';

const setContactTierInput = z.object({
  tenantId: z.uuid(),
  contactId: z.uuid(),
  /** The tier the router routes the contact by; null clears it. */
  tier: contactTierSchema.nullable(),
  requestedAt: z.date(),
  correlationId: z.string().min(1),
});

/** Set (or clear) the tier of one of the tenant's contacts. */
export interface SetContactTierCommand extends EventCause, z.infer<typeof setContactTierInput> {}

/** Builds the command, refusing one that breaks its rules (a bug at the edge, not bad input). */
export function setContactTierCommand(
  input: z.input<typeof setContactTierInput>,
): SetContactTierCommand {
  return { ...setContactTierInput.parse(input), causationEventId: null };
}
