import { z } from 'zod';
import { skillNameSchema } from '../shared/routing-config.schemas';
import { tenantScope } from '../shared/tenant-scope';

const deleteSkillInput = tenantScope.extend({ name: skillNameSchema });

export type DeleteSkillCommand = z.output<typeof deleteSkillInput>;

export function deleteSkillCommand(input: DeleteSkillCommand): DeleteSkillCommand {
  return deleteSkillInput.parse(input);
}
