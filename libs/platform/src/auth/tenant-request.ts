import type { Request } from 'express';

/** A request the API-key guard has authenticated: it carries its tenant. */
export interface TenantRequest extends Request {
  tenantId: string;
}
