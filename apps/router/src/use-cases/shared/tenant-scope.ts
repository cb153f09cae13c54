import { z } from 'zod';

/** Every command and query names its tenant: the only way a use case reaches the data. */
export const tenantScope = z.object({ tenantId: z.uuid() });

/** A question about the whole of one tenant's routing (a list, its settings). */
export type TenantQuery = z.output<typeof tenantScope>;

export function tenantQuery(input: TenantQuery): TenantQuery {
  return tenantScope.parse(input);
}
