import { Injectable } from '@nestjs/common';
import { RoutedWorkRepository, type RoutedWork } from '../shared/routed-work.repository';
import { RoutingApiException } from '../shared/routing-api.exception';
import type { GetRoutedConversationQuery } from './get-routed-conversation.command';

/** Where a conversation is in routing now, as its owning router last stored it. */
@Injectable()
export class GetRoutedConversationUseCase {
  constructor(private readonly work: RoutedWorkRepository) {}

  async execute(query: GetRoutedConversationQuery): Promise<RoutedWork> {
    const found = await this.work.find(query.tenantId, query.conversationId);
    if (!found) throw RoutingApiException.notRouted(query.conversationId);
    return found;
  }
}
