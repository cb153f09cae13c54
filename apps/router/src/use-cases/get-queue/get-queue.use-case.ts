import { Injectable } from '@nestjs/common';
import { RoutingError, RoutingErrorCode } from '@switchboard/routing';
import { QueueCatalogueRepository, type QueueRecord } from '../shared/queue-catalogue.repository';
import type { GetQueueQuery } from './get-queue.command';

@Injectable()
export class GetQueueUseCase {
  constructor(private readonly queues: QueueCatalogueRepository) {}

  async execute(query: GetQueueQuery): Promise<QueueRecord> {
    const queue = await this.queues.find(query.tenantId, query.queueId);
    if (!queue) throw new RoutingError(RoutingErrorCode.UnknownQueue, `No queue ${query.queueId}`);
    return queue;
  }
}
