import { UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ApiKeyGuard, presentedApiKey } from './api-key.guard';
import type { ApiKeyRepository } from './api-key.repository';
import { tenantIdOf } from './tenant-id.decorator';

const TENANT = '5f0c6a8e-7d2b-4a53-9a53-0a3b9a1d2c11';

function requestWith(headers: Record<string, string>): Request {
  const lower = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return { header: (name: string) => lower[name.toLowerCase()] } as unknown as Request;
}

function contextOf(request: Request): ExecutionContext {
  return { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
}

/** Knows one live key, as the database would. */
const keys = {
  findTenantIdByKey: async (key: string) => (key === 'sb_live_good' ? TENANT : null),
} as ApiKeyRepository;

describe('presentedApiKey', () => {
  it.each([
    [{ Authorization: 'Bearer sb_live_good' }, 'sb_live_good'],
    [{ Authorization: 'bearer   sb_live_good' }, 'sb_live_good'],
    [{ 'X-Api-Key': 'sb_live_good' }, 'sb_live_good'],
    [{ Authorization: 'Bearer from-bearer', 'X-Api-Key': 'from-header' }, 'from-bearer'],
    [{ Authorization: 'Basic dXNlcjpwYXNz' }, null],
    [{}, null],
  ])('reads %j as %j', (headers, key) => {
    expect(presentedApiKey(requestWith(headers))).toBe(key);
  });
});

describe('ApiKeyGuard', () => {
  const guard = new ApiKeyGuard(keys);

  it('puts the key’s tenant on the request, where @TenantId() reads it', async () => {
    const request = requestWith({ Authorization: 'Bearer sb_live_good' });
    await expect(guard.canActivate(contextOf(request))).resolves.toBe(true);
    expect(tenantIdOf(request as never)).toBe(TENANT);
  });

  it.each([
    ['no key', {}, /required/],
    ['an unknown or revoked key', { 'X-Api-Key': 'sb_live_revoked' }, /not valid/],
  ])('refuses %s with 401', async (_case, headers, message) => {
    const attempt = guard.canActivate(contextOf(requestWith(headers)));
    await expect(attempt).rejects.toBeInstanceOf(UnauthorizedException);
    await expect(attempt).rejects.toThrow(message);
  });
});

describe('tenantIdOf', () => {
  it('fails loudly on a request the guard did not authenticate', () => {
    expect(() => tenantIdOf({})).toThrow(/ApiKeyGuard/);
  });
});
