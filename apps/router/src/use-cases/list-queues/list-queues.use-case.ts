import { Injectable } from '@nestjs/common';
import { QueueCatalogueRepository, type QueueRecord } from '../shared/queue-catalogue.repository';
import type { TenantQuery } from '../shared/tenant-scope';

/** The tenant's queues, by id. */
@Injectable()
export class ListQueuesUseCase {
  constructor(private readonly queues: QueueCatalogueRepository) {}

  execute(query: TenantQuery): Promise<QueueRecord[]> {
    return this.queues.list(query.tenantId);
  }
}
