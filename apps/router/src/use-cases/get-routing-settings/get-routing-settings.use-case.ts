import { Injectable } from '@nestjs/common';
import { RoutingPolicyRepository, type StoredSettings } from '../shared/routing-policy.repository';
import type { TenantQuery } from '../shared/tenant-scope';

/** The tenant's routing settings (the defaults until it saves its own). */
@Injectable()
export class GetRoutingSettingsUseCase {
  constructor(private readonly policy: RoutingPolicyRepository) {}

  execute(query: TenantQuery): Promise<StoredSettings> {
    return this.policy.findSettings(query.tenantId);
  }
}
