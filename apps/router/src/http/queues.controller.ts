import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Put,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiKeyGuard, TenantId, ZodBodyPipe } from '@switchboard/platform';
import type { Response } from 'express';
import { deleteQueueCommand } from '../use-cases/delete-queue/delete-queue.command';
import { DeleteQueueUseCase } from '../use-cases/delete-queue/delete-queue.use-case';
import { getQueueQuery } from '../use-cases/get-queue/get-queue.command';
import { GetQueueUseCase } from '../use-cases/get-queue/get-queue.use-case';
import { ListQueuesUseCase } from '../use-cases/list-queues/list-queues.use-case';
import { putQueueCommand } from '../use-cases/put-queue/put-queue.command';
import { PutQueueUseCase } from '../use-cases/put-queue/put-queue.use-case';
import { tenantQuery } from '../use-cases/shared/tenant-scope';
import { RoutingExceptionFilter } from './routing-exception.filter';
import { putQueueRequestSchema, type PutQueueRequest } from './routing.requests';
import {
  pendingResponse,
  queueResponse,
  type PendingResponse,
  type QueueResponse,
} from './routing.responses';
import { RoutingIdParamPipe } from './zod-param.pipe';

/** Queues: requirements, strategy, widening rings, offers and affinity. */
@Controller('v1/routing/queues')
@UseGuards(ApiKeyGuard)
@UseFilters(RoutingExceptionFilter)
export class QueuesController {
  constructor(
    private readonly listQueues: ListQueuesUseCase,
    private readonly getQueue: GetQueueUseCase,
    private readonly putQueue: PutQueueUseCase,
    private readonly deleteQueue: DeleteQueueUseCase,
  ) {}

  @Get()
  async list(@TenantId() tenantId: string): Promise<QueueResponse[]> {
    const queues = await this.listQueues.execute(tenantQuery({ tenantId }));
    return queues.map(queueResponse);
  }

  @Get(':queueId')
  async get(
    @TenantId() tenantId: string,
    @Param('queueId', RoutingIdParamPipe) queueId: string,
  ): Promise<QueueResponse> {
    return queueResponse(await this.getQueue.execute(getQueueQuery({ tenantId, queueId })));
  }

  /** 201 when created, 200 when redefined; the answer is the queue as stored. */
  @Put(':queueId')
  async put(
    @TenantId() tenantId: string,
    @Param('queueId', RoutingIdParamPipe) queueId: string,
    @Body(new ZodBodyPipe(putQueueRequestSchema)) body: PutQueueRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<QueueResponse> {
    const { created, queue } = await this.putQueue.execute(
      putQueueCommand({ tenantId, queueId, queue: body }),
    );
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return queueResponse(queue);
  }

  /** 204; 409 while conversations are in it or a rule, the default or an overflow names it. */
  @Delete(':queueId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async delete(
    @TenantId() tenantId: string,
    @Param('queueId', RoutingIdParamPipe) queueId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PendingResponse | undefined> {
    const outcome = await this.deleteQueue.execute(deleteQueueCommand({ tenantId, queueId }));
    if (outcome.status === 'applied') return undefined;
    response.status(HttpStatus.ACCEPTED);
    return pendingResponse(outcome.commandId);
  }
}
