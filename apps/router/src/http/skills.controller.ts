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
import { deleteSkillCommand } from '../use-cases/delete-skill/delete-skill.command';
import { DeleteSkillUseCase } from '../use-cases/delete-skill/delete-skill.use-case';
import { ListSkillsUseCase } from '../use-cases/list-skills/list-skills.use-case';
import { putSkillCommand } from '../use-cases/put-skill/put-skill.command';
import { PutSkillUseCase } from '../use-cases/put-skill/put-skill.use-case';
import { tenantQuery } from '../use-cases/shared/tenant-scope';
import { RoutingExceptionFilter } from './routing-exception.filter';
import { putSkillRequestSchema, type PutSkillRequest } from './routing.requests';
import { skillResponse, type SkillResponse } from './routing.responses';
import { SkillNameParamPipe } from './zod-param.pipe';

/** The tenant's skill catalogue: the names agents, queues and rules may use. */
@Controller('v1/routing/skills')
@UseGuards(ApiKeyGuard)
@UseFilters(RoutingExceptionFilter)
export class SkillsController {
  constructor(
    private readonly listSkills: ListSkillsUseCase,
    private readonly putSkill: PutSkillUseCase,
    private readonly deleteSkill: DeleteSkillUseCase,
  ) {}

  @Get()
  async list(@TenantId() tenantId: string): Promise<SkillResponse[]> {
    const skills = await this.listSkills.execute(tenantQuery({ tenantId }));
    return skills.map(skillResponse);
  }

  /** 201 when created, 200 when it existed. */
  @Put(':name')
  async put(
    @TenantId() tenantId: string,
    @Param('name', SkillNameParamPipe) name: string,
    @Body(new ZodBodyPipe(putSkillRequestSchema)) body: PutSkillRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SkillResponse> {
    const { skill, created } = await this.putSkill.execute(
      putSkillCommand({ tenantId, name, description: body.description }),
    );
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return skillResponse(skill);
  }

  /** 204; 409 while an agent, queue or rule uses it. */
  @Delete(':name')
  @HttpCode(HttpStatus.NO_CONTENT)
  async delete(
    @TenantId() tenantId: string,
    @Param('name', SkillNameParamPipe) name: string,
  ): Promise<void> {
    await this.deleteSkill.execute(deleteSkillCommand({ tenantId, name }));
  }
}
