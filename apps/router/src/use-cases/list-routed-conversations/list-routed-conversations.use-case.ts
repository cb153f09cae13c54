import { Injectable } from '@nestjs/common';
import { RoutedWorkRepository, type RoutedWork } from '../shared/routed-work.repository';
import type { ListRoutedConversationsQuery } from './list-routed-conversations.command';

/** The tenant's conversations in routing, oldest waiting first: an agent's offers, a queue's backlog. */
@Injectable()
export class ListRoutedConversationsUseCase {
  constructor(private readonly work: RoutedWorkRepository) {}

  execute(query: ListRoutedConversationsQuery): Promise<RoutedWork[]> {
    const { tenantId, ...filter } = query;
    return this.work.list(tenantId, filter);
  }
}
