import {
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
  UseGuards,
} from '@nestjs/common';
import { assertUnreachable } from '@switchboard/contracts';
import { correlationIdOrNew } from '@switchboard/observability';
import { ApiKeyGuard, TenantId, UuidParamPipe, ZodBodyPipe } from '@switchboard/platform';
import { resolveConversationCommand } from '../use-cases/resolve-conversation/resolve-conversation.command';
import { ResolveConversationUseCase } from '../use-cases/resolve-conversation/resolve-conversation.use-case';
import {
  resolveConversationRequestSchema,
  type ResolveConversationRequest,
} from './resolve-conversation.request';

/** HTTP edge for conversations: parses, builds the command, delegates, maps the outcome. */
@Controller('v1/conversations')
@UseGuards(ApiKeyGuard)
export class ConversationsController {
  constructor(private readonly resolveConversation: ResolveConversationUseCase) {}

  /** 200 with the resolution, the same on a retry; 404 when the tenant has no such conversation. */
  @Post(':conversationId/resolve')
  @HttpCode(HttpStatus.OK)
  async resolve(
    @TenantId() tenantId: string,
    @Param('conversationId', UuidParamPipe) conversationId: string,
    @Body(new ZodBodyPipe(resolveConversationRequestSchema)) body: ResolveConversationRequest,
  ): Promise<{ conversationId: string; status: 'resolved'; resolvedAt: string }> {
    const result = await this.resolveConversation.execute(
      resolveConversationCommand({
        tenantId,
        conversationId,
        resolvedBy: body.resolvedBy,
        requestedAt: new Date(),
        correlationId: correlationIdOrNew(),
      }),
    );
    switch (result.outcome) {
      case 'resolved':
      case 'already-resolved':
        return {
          conversationId: result.conversationId,
          status: 'resolved',
          resolvedAt: result.resolvedAt.toISOString(),
        };
      case 'not-found':
        throw new NotFoundException({
          error: 'conversation_not_found',
          message: `No conversation ${conversationId}`,
        });
      default:
        return assertUnreachable(result);
    }
  }
}
