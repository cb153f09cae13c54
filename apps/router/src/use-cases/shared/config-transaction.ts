import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * A transaction that writes a tenant's routing configuration. Writes of one tenant take turns
 * (a transaction-scoped advisory lock), so a reference checked inside one (a queue a rule
 * names, a skill an agent has) cannot be deleted by a concurrent request before it commits.
 */
@Injectable()
export class ConfigTransaction {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('routing-config:' || $1::text, 0))`,
        [tenantId],
      );
      return work(manager);
    });
  }
}
