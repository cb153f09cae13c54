import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { TenantRequest } from './tenant-request';

/**
 * The tenant the `ApiKeyGuard` authenticated. A handler without the guard has no tenant: that
 * is a wiring mistake, so it fails loudly (500) instead of running unscoped.
 */
export function tenantIdOf(request: Partial<Pick<TenantRequest, 'tenantId'>>): string {
  const { tenantId } = request;
  if (typeof tenantId !== 'string' || tenantId.length === 0) {
    throw new Error('No authenticated tenant on the request: is the handler behind ApiKeyGuard?');
  }
  return tenantId;
}

/** `@TenantId() tenantId: string`: the authenticated tenant of the request. */
export const TenantId = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  tenantIdOf(context.switchToHttp().getRequest<TenantRequest>()),
);
