import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * A transaction that writes a tenant's SLA configuration. Writes of one tenant take turns
 * (a transaction-scoped advisory lock), so what one checks (a calendar a policy names, a name
 * being free, no policy using a calendar) still holds when it commits.
 */
@Injectable()
export class SlaConfigTransaction {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('sla-config:' || $1::text, 0))`,
        [tenantId],
      );
      return work(manager);
    });
  }
}
