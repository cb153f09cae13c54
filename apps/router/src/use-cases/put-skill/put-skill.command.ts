import { z } from 'zod';
import { skillDescriptionSchema, skillNameSchema } from '../shared/routing-config.schemas';
import { tenantScope } from '../shared/tenant-scope';

const putSkillInput = tenantScope.extend({
  name: skillNameSchema,
  /** Kept as it is when not given. */
  description: skillDescriptionSchema.optional(),
});

/** Add a skill to the tenant's catalogue, or describe it anew. */
export type PutSkillCommand = z.output<typeof putSkillInput>;

export function putSkillCommand(input: z.input<typeof putSkillInput>): PutSkillCommand {
  return putSkillInput.parse(input);
}
