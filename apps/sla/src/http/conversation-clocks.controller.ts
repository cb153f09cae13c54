import { Controller, Get, Param, UseFilters, UseGuards } from '@nestjs/common';
import { ApiKeyGuard, TenantId, UuidParamPipe } from '@switchboard/platform';
import {
  conversationClocksQuery,
  GetConversationClocksUseCase,
} from '../api/clocks/get-conversation-clocks.use-case';
import { SlaExceptionFilter } from './sla-exception.filter';
import { conversationClocksResponse, type ConversationClocksResponse } from './sla.responses';

/** Where a conversation's SLA clocks stand. */
@Controller('v1/sla/conversations')
@UseGuards(ApiKeyGuard)
@UseFilters(SlaExceptionFilter)
export class ConversationClocksController {
  constructor(private readonly getClocks: GetConversationClocksUseCase) {}

  @Get(':conversationId/clocks')
  async clocks(
    @TenantId() tenantId: string,
    @Param('conversationId', UuidParamPipe) conversationId: string,
  ): Promise<ConversationClocksResponse> {
    return conversationClocksResponse(
      await this.getClocks.execute(conversationClocksQuery({ tenantId, conversationId })),
    );
  }
}
