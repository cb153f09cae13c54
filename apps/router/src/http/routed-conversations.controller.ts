import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiKeyGuard, TenantId, UuidParamPipe, ZodBodyPipe } from '@switchboard/platform';
import type { Response } from 'express';
import { answerOfferCommand } from '../use-cases/answer-offer/answer-offer.command';
import { AnswerOfferUseCase } from '../use-cases/answer-offer/answer-offer.use-case';
import { explainRoutingQuery } from '../use-cases/explain-routing/explain-routing.command';
import { ExplainRoutingUseCase } from '../use-cases/explain-routing/explain-routing.use-case';
import {
  listRoutedConversationsQuery,
  routedConversationsFilterSchema,
  type RoutedConversationsFilter,
} from '../use-cases/list-routed-conversations/list-routed-conversations.command';
import { ListRoutedConversationsUseCase } from '../use-cases/list-routed-conversations/list-routed-conversations.use-case';
import { getRoutedConversationQuery } from '../use-cases/get-routed-conversation/get-routed-conversation.command';
import { GetRoutedConversationUseCase } from '../use-cases/get-routed-conversation/get-routed-conversation.use-case';
import { transferConversationCommand } from '../use-cases/transfer-conversation/transfer-conversation.command';
import { TransferConversationUseCase } from '../use-cases/transfer-conversation/transfer-conversation.use-case';
import { RoutingExceptionFilter } from './routing-exception.filter';
import {
  answerOfferRequestSchema,
  transferRequestSchema,
  type AnswerOfferRequest,
  type TransferRequest,
} from './routing.requests';
import {
  conversationResponse,
  explainResponse,
  pendingResponse,
  type ConversationResponse,
  type ExplainResponse,
  type PendingResponse,
} from './routing.responses';

type AnswerResponse = {
  conversationId: string;
  agentId: string;
  state: 'assigned' | 'requeued';
};

/**
 * Conversations being routed: where each is, the agent's answer to an offer, transfers, and
 * why it went where it did. Answers and transfers are applied by the router owning the
 * tenant; they wait (bounded) for it and answer 202 with the command id if it has not yet.
 */
@Controller('v1/routing/conversations')
@UseGuards(ApiKeyGuard)
@UseFilters(RoutingExceptionFilter)
export class RoutedConversationsController {
  constructor(
    private readonly getConversation: GetRoutedConversationUseCase,
    private readonly listConversations: ListRoutedConversationsUseCase,
    private readonly answerOffer: AnswerOfferUseCase,
    private readonly transferConversation: TransferConversationUseCase,
    private readonly explainRouting: ExplainRoutingUseCase,
  ) {}

  /** `?state=offered&agentId=ada`: an agent's pending offers; `?queueId=billing`: a backlog. */
  @Get()
  async list(
    @TenantId() tenantId: string,
    @Query(new ZodBodyPipe(routedConversationsFilterSchema)) filter: RoutedConversationsFilter,
  ): Promise<ConversationResponse[]> {
    const found = await this.listConversations.execute(
      listRoutedConversationsQuery({ tenantId, ...filter }),
    );
    return found.map(conversationResponse);
  }

  /** 404 `not_routed` when it is not waiting, offered or assigned. */
  @Get(':conversationId')
  async get(
    @TenantId() tenantId: string,
    @Param('conversationId', UuidParamPipe) conversationId: string,
  ): Promise<ConversationResponse> {
    return conversationResponse(
      await this.getConversation.execute(getRoutedConversationQuery({ tenantId, conversationId })),
    );
  }

  /** 200 assigned; 409 `offer_not_pending` when the agent holds no pending offer of it. */
  @Post(':conversationId/accept')
  @HttpCode(HttpStatus.OK)
  accept(
    @TenantId() tenantId: string,
    @Param('conversationId', UuidParamPipe) conversationId: string,
    @Body(new ZodBodyPipe(answerOfferRequestSchema)) body: AnswerOfferRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AnswerResponse | PendingResponse> {
    return this.answer(tenantId, conversationId, body.agentId, 'accept', response);
  }

  /** 200 requeued (it goes to someone else); 409 `offer_not_pending` as for accept. */
  @Post(':conversationId/reject')
  @HttpCode(HttpStatus.OK)
  reject(
    @TenantId() tenantId: string,
    @Param('conversationId', UuidParamPipe) conversationId: string,
    @Body(new ZodBodyPipe(answerOfferRequestSchema)) body: AnswerOfferRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AnswerResponse | PendingResponse> {
    return this.answer(tenantId, conversationId, body.agentId, 'reject', response);
  }

  /** 200 with where it is now; 409 `agent_unavailable` when the agent is not online. */
  @Post(':conversationId/transfer')
  @HttpCode(HttpStatus.OK)
  async transfer(
    @TenantId() tenantId: string,
    @Param('conversationId', UuidParamPipe) conversationId: string,
    @Body(new ZodBodyPipe(transferRequestSchema)) body: TransferRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ConversationResponse | PendingResponse> {
    const outcome = await this.transferConversation.execute(
      transferConversationCommand({
        tenantId,
        conversationId,
        to: body.agentId !== undefined ? { agentId: body.agentId } : { queueId: body.queueId! },
      }),
    );
    if (outcome.status === 'applied') return conversationResponse(outcome.work);
    response.status(HttpStatus.ACCEPTED);
    return pendingResponse(outcome.commandId);
  }

  /** Why it is where it is (judged now, against every agent), and every decision so far. */
  @Get(':conversationId/explain')
  async explain(
    @TenantId() tenantId: string,
    @Param('conversationId', UuidParamPipe) conversationId: string,
  ): Promise<ExplainResponse> {
    return explainResponse(
      await this.explainRouting.execute(explainRoutingQuery({ tenantId, conversationId })),
    );
  }

  private async answer(
    tenantId: string,
    conversationId: string,
    agentId: string,
    answer: 'accept' | 'reject',
    response: Response,
  ): Promise<AnswerResponse | PendingResponse> {
    const outcome = await this.answerOffer.execute(
      answerOfferCommand({ tenantId, conversationId, agentId, answer }),
    );
    if (outcome.status === 'applied') return { conversationId, agentId, state: outcome.state };
    response.status(HttpStatus.ACCEPTED);
    return pendingResponse(outcome.commandId);
  }
}
