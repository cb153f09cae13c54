import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiKeyGuard, TenantId, UuidParamPipe, ZodBodyPipe } from '@switchboard/platform';
import { DeletePolicyUseCase } from '../api/policies/delete-policy.use-case';
import {
  GetPolicyVersionUseCase,
  policyVersionQuery,
} from '../api/policies/get-policy-version.use-case';
import { GetPolicyUseCase } from '../api/policies/get-policy.use-case';
import { ListPoliciesUseCase } from '../api/policies/list-policies.use-case';
import { savePolicyCommand, SavePolicyUseCase } from '../api/policies/save-policy.use-case';
import { policyQuery, tenantQuery } from '../api/shared/sla-scope';
import { SlaExceptionFilter } from './sla-exception.filter';
import { PolicyVersionParamPipe } from './sla-param.pipes';
import { policyRequestSchema, type PolicyRequest } from './sla.requests';
import {
  policyResponse,
  policyVersionResponse,
  type PolicyResponse,
  type PolicyVersionResponse,
} from './sla.responses';

/** SLA policies: ordered, matched first-wins, each edit a new immutable version. */
@Controller('v1/sla/policies')
@UseGuards(ApiKeyGuard)
@UseFilters(SlaExceptionFilter)
export class PoliciesController {
  constructor(
    private readonly listPolicies: ListPoliciesUseCase,
    private readonly getPolicy: GetPolicyUseCase,
    private readonly savePolicy: SavePolicyUseCase,
    private readonly getPolicyVersion: GetPolicyVersionUseCase,
    private readonly deletePolicy: DeletePolicyUseCase,
  ) {}

  @Get()
  async list(@TenantId() tenantId: string): Promise<PolicyResponse[]> {
    return (await this.listPolicies.execute(tenantQuery({ tenantId }))).map(policyResponse);
  }

  /** 201 with the policy at version 1. */
  @Post()
  async create(
    @TenantId() tenantId: string,
    @Body(new ZodBodyPipe(policyRequestSchema)) body: PolicyRequest,
  ): Promise<PolicyResponse> {
    return policyResponse(
      await this.savePolicy.execute(savePolicyCommand({ tenantId, policyId: null, policy: body })),
    );
  }

  @Get(':policyId')
  async get(
    @TenantId() tenantId: string,
    @Param('policyId', UuidParamPipe) policyId: string,
  ): Promise<PolicyResponse> {
    return policyResponse(await this.getPolicy.execute(policyQuery({ tenantId, policyId })));
  }

  /** A new version, made current; clocks running under earlier versions keep theirs. */
  @Put(':policyId')
  async update(
    @TenantId() tenantId: string,
    @Param('policyId', UuidParamPipe) policyId: string,
    @Body(new ZodBodyPipe(policyRequestSchema)) body: PolicyRequest,
  ): Promise<PolicyResponse> {
    return policyResponse(
      await this.savePolicy.execute(savePolicyCommand({ tenantId, policyId, policy: body })),
    );
  }

  @Get(':policyId/versions/:version')
  async version(
    @TenantId() tenantId: string,
    @Param('policyId', UuidParamPipe) policyId: string,
    @Param('version', PolicyVersionParamPipe) version: number,
  ): Promise<PolicyVersionResponse> {
    return policyVersionResponse(
      await this.getPolicyVersion.execute(policyVersionQuery({ tenantId, policyId, version })),
    );
  }

  /** 204: the policy stops matching; its versions stay for the clocks that run by them. */
  @Delete(':policyId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async delete(
    @TenantId() tenantId: string,
    @Param('policyId', UuidParamPipe) policyId: string,
  ): Promise<void> {
    await this.deletePolicy.execute(policyQuery({ tenantId, policyId }));
  }
}
