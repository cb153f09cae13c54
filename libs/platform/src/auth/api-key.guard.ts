import {
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { ApiKeyRepository } from './api-key.repository';
import type { TenantRequest } from './tenant-request';

/**
 * Authenticates `Authorization: Bearer <key>` (or `X-Api-Key`) and scopes the request to its
 * tenant, which handlers read with `@TenantId()`. Register it with `apiKeyAuthProviders`.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly apiKeys: ApiKeyRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const key = presentedApiKey(request);
    if (!key)
      throw new UnauthorizedException('An API key is required (Authorization: Bearer <key>)');
    const tenantId = await this.apiKeys.findTenantIdByKey(key);
    if (!tenantId) throw new UnauthorizedException('The API key is not valid');
    (request as TenantRequest).tenantId = tenantId;
    return true;
  }
}

/** The key a request presents: a Bearer token first, else `X-Api-Key`; null when neither. */
export function presentedApiKey(request: Pick<Request, 'header'>): string | null {
  const authorization = request.header('authorization');
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? request.header('x-api-key') ?? null;
}
