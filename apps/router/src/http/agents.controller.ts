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
import type { Presence } from '@switchboard/routing';
import type { Response } from 'express';
import { deleteAgentCommand } from '../use-cases/delete-agent/delete-agent.command';
import { DeleteAgentUseCase } from '../use-cases/delete-agent/delete-agent.use-case';
import { getAgentQuery } from '../use-cases/get-agent/get-agent.command';
import { GetAgentUseCase } from '../use-cases/get-agent/get-agent.use-case';
import { ListAgentsUseCase } from '../use-cases/list-agents/list-agents.use-case';
import { putAgentCommand } from '../use-cases/put-agent/put-agent.command';
import { PutAgentUseCase } from '../use-cases/put-agent/put-agent.use-case';
import { setAgentConnectionCommand } from '../use-cases/set-agent-connection/set-agent-connection.command';
import { SetAgentConnectionUseCase } from '../use-cases/set-agent-connection/set-agent-connection.use-case';
import { setAgentPresenceCommand } from '../use-cases/set-agent-presence/set-agent-presence.command';
import { SetAgentPresenceUseCase } from '../use-cases/set-agent-presence/set-agent-presence.use-case';
import { tenantQuery } from '../use-cases/shared/tenant-scope';
import { RoutingExceptionFilter } from './routing-exception.filter';
import {
  putAgentRequestSchema,
  setConnectionRequestSchema,
  setPresenceRequestSchema,
  type PutAgentRequest,
  type SetConnectionRequest,
  type SetPresenceRequest,
} from './routing.requests';
import {
  agentResponse,
  pendingResponse,
  type AgentResponse,
  type PendingResponse,
} from './routing.responses';
import { RoutingIdParamPipe } from './zod-param.pipe';

/**
 * Agents: profiles are stored here and applied by the router that owns the tenant; presence
 * and connection are the router's state, so those requests wait (bounded) for it to apply them
 * and answer 202 with the command id if it has not yet.
 */
@Controller('v1/routing/agents')
@UseGuards(ApiKeyGuard)
@UseFilters(RoutingExceptionFilter)
export class AgentsController {
  constructor(
    private readonly listAgents: ListAgentsUseCase,
    private readonly getAgent: GetAgentUseCase,
    private readonly putAgent: PutAgentUseCase,
    private readonly deleteAgent: DeleteAgentUseCase,
    private readonly setPresence: SetAgentPresenceUseCase,
    private readonly setConnection: SetAgentConnectionUseCase,
  ) {}

  @Get()
  async list(@TenantId() tenantId: string): Promise<AgentResponse[]> {
    const agents = await this.listAgents.execute(tenantQuery({ tenantId }));
    return agents.map(agentResponse);
  }

  @Get(':agentId')
  async get(
    @TenantId() tenantId: string,
    @Param('agentId', RoutingIdParamPipe) agentId: string,
  ): Promise<AgentResponse> {
    return agentResponse(await this.getAgent.execute(getAgentQuery({ tenantId, agentId })));
  }

  /** 201 when created, 200 when redefined; the answer is the agent as stored. */
  @Put(':agentId')
  async put(
    @TenantId() tenantId: string,
    @Param('agentId', RoutingIdParamPipe) agentId: string,
    @Body(new ZodBodyPipe(putAgentRequestSchema)) body: PutAgentRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgentResponse> {
    const { created, agent } = await this.putAgent.execute(
      putAgentCommand({ tenantId, agentId, agent: body }),
    );
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return agentResponse(agent);
  }

  /** 204 once the router has re-routed the agent's work; 202 if it has not yet. */
  @Delete(':agentId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async delete(
    @TenantId() tenantId: string,
    @Param('agentId', RoutingIdParamPipe) agentId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PendingResponse | undefined> {
    const outcome = await this.deleteAgent.execute(deleteAgentCommand({ tenantId, agentId }));
    if (outcome.status === 'applied') return undefined;
    response.status(HttpStatus.ACCEPTED);
    return pendingResponse(outcome.commandId);
  }

  @Put(':agentId/presence')
  async presence(
    @TenantId() tenantId: string,
    @Param('agentId', RoutingIdParamPipe) agentId: string,
    @Body(new ZodBodyPipe(setPresenceRequestSchema)) body: SetPresenceRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ agentId: string; presence: Presence } | PendingResponse> {
    const outcome = await this.setPresence.execute(
      setAgentPresenceCommand({ tenantId, agentId, presence: body.presence }),
    );
    if (outcome.status === 'applied') return { agentId, presence: body.presence };
    response.status(HttpStatus.ACCEPTED);
    return pendingResponse(outcome.commandId);
  }

  @Put(':agentId/connection')
  async connection(
    @TenantId() tenantId: string,
    @Param('agentId', RoutingIdParamPipe) agentId: string,
    @Body(new ZodBodyPipe(setConnectionRequestSchema)) body: SetConnectionRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ agentId: string; connected: boolean } | PendingResponse> {
    const outcome = await this.setConnection.execute(
      setAgentConnectionCommand({ tenantId, agentId, connected: body.connected }),
    );
    if (outcome.status === 'applied') return { agentId, connected: body.connected };
    response.status(HttpStatus.ACCEPTED);
    return pendingResponse(outcome.commandId);
  }
}
