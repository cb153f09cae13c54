import {
  Body,
  ConflictException,
  Controller,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
  Res,
  UseGuards,
} from '@nestjs/common';
import { assertUnreachable } from '@switchboard/contracts';
import { correlationIdOrNew } from '@switchboard/observability';
import {
  ApiKeyGuard,
  invalidRequest,
  TenantId,
  UuidParamPipe,
  ZodBodyPipe,
} from '@switchboard/platform';
import type { Response } from 'express';
import { resolveConversationCommand } from '../use-cases/resolve-conversation/resolve-conversation.command';
import { ResolveConversationUseCase } from '../use-cases/resolve-conversation/resolve-conversation.use-case';
import { sendReplyCommand } from '../use-cases/send-reply/send-reply.command';
import { SendReplyUseCase } from '../use-cases/send-reply/send-reply.use-case';
import { setConversationStatusCommand } from '../use-cases/set-conversation-status/set-conversation-status.command';
import { SetConversationStatusUseCase } from '../use-cases/set-conversation-status/set-conversation-status.use-case';
import {
  resolveConversationRequestSchema,
  type ResolveConversationRequest,
} from './resolve-conversation.request';
import { sendReplyRequestSchema, type SendReplyRequest } from './send-reply.request';
import {
  setConversationStatusRequestSchema,
  snoozeEndProblems,
  type SetConversationStatusRequest,
} from './set-conversation-status.request';

/** HTTP edge for conversations: parses, builds the command, delegates, maps the outcome. */
@Controller('v1/conversations')
@UseGuards(ApiKeyGuard)
export class ConversationsController {
  constructor(
    private readonly resolveConversation: ResolveConversationUseCase,
    private readonly sendReply: SendReplyUseCase,
    private readonly setConversationStatus: SetConversationStatusUseCase,
  ) {}

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
        throw notFound(conversationId);
      default:
        return assertUnreachable(result);
    }
  }

  /**
   * An agent's reply: 201 when stored, 200 with the first reply for a retry with the same
   * `clientMessageId`; 409 on a resolved conversation (the customer reopens it by writing).
   * Stored and announced (`message.sent`) only: a dispatcher delivers it to the channel.
   */
  @Post(':conversationId/replies')
  async reply(
    @TenantId() tenantId: string,
    @Param('conversationId', UuidParamPipe) conversationId: string,
    @Body(new ZodBodyPipe(sendReplyRequestSchema)) body: SendReplyRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ messageId: string; conversationId: string; sentAt: string }> {
    const result = await this.sendReply.execute(
      sendReplyCommand({
        tenantId,
        conversationId,
        agentId: body.agentId,
        text: body.text,
        clientMessageId: body.clientMessageId ?? null,
        raw: { ...body },
        requestedAt: new Date(),
        correlationId: correlationIdOrNew(),
      }),
    );
    switch (result.outcome) {
      case 'sent':
      case 'duplicate':
        response.status(result.outcome === 'sent' ? HttpStatus.CREATED : HttpStatus.OK);
        return {
          messageId: result.messageId,
          conversationId: result.conversationId,
          sentAt: result.sentAt.toISOString(),
        };
      case 'not-found':
        throw notFound(conversationId);
      case 'resolved':
        throw resolvedConflict(conversationId);
      case 'client-id-taken':
        throw new ConflictException({
          error: 'client_message_id_taken',
          message: `clientMessageId ${body.clientMessageId} already names another message`,
        });
      default:
        return assertUnreachable(result);
    }
  }

  /**
   * Sets a conversation open, pending or snoozed: 200 with its status (the same again changes
   * nothing); 409 on a resolved conversation.
   */
  @Post(':conversationId/status')
  @HttpCode(HttpStatus.OK)
  async status(
    @TenantId() tenantId: string,
    @Param('conversationId', UuidParamPipe) conversationId: string,
    @Body(new ZodBodyPipe(setConversationStatusRequestSchema)) body: SetConversationStatusRequest,
  ): Promise<{ conversationId: string; status: string; snoozedUntil: string | null }> {
    const requestedAt = new Date();
    const problems = snoozeEndProblems(body, requestedAt);
    if (problems.length > 0) throw invalidRequest(problems);
    const result = await this.setConversationStatus.execute(
      setConversationStatusCommand({
        tenantId,
        conversationId,
        status: body.status,
        snoozedUntil: body.snoozedUntil ?? null,
        changedBy: body.changedBy,
        requestedAt,
        correlationId: correlationIdOrNew(),
      }),
    );
    switch (result.outcome) {
      case 'changed':
      case 'unchanged':
        return {
          conversationId: result.conversationId,
          status: result.status,
          snoozedUntil: result.snoozedUntil?.toISOString() ?? null,
        };
      case 'not-found':
        throw notFound(conversationId);
      case 'resolved':
        throw resolvedConflict(conversationId);
      default:
        return assertUnreachable(result);
    }
  }
}

function notFound(conversationId: string): NotFoundException {
  return new NotFoundException({
    error: 'conversation_not_found',
    message: `No conversation ${conversationId}`,
  });
}

function resolvedConflict(conversationId: string): ConflictException {
  return new ConflictException({
    error: 'conversation_resolved',
    message: `Conversation ${conversationId} is resolved; the customer's next message reopens it`,
  });
}
