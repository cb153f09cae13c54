import { z } from 'zod';
import { routingSettingsSchema } from '../shared/routing-config.schemas';
import { tenantScope } from '../shared/tenant-scope';

const putRoutingSettingsInput = tenantScope.extend({ settings: routingSettingsSchema });

/** Replace the tenant's routing settings and default queue. */
export type PutRoutingSettingsCommand = z.output<typeof putRoutingSettingsInput>;

export function putRoutingSettingsCommand(
  input: z.input<typeof putRoutingSettingsInput>,
): PutRoutingSettingsCommand {
  return putRoutingSettingsInput.parse(input);
}
