import { contactTierSchema } from '@switchboard/contracts';
import { z } from 'zod';

/** The body of `PUT /v1/contacts/:contactId/tier`: a tier, or null to clear it. */
export const setContactTierRequestSchema = z.object({
  tier: contactTierSchema.nullable(),
});

export type SetContactTierRequest = z.infer<typeof setContactTierRequestSchema>;
