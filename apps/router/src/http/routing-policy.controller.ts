import { Body, Controller, Get, Put, UseFilters, UseGuards } from '@nestjs/common';
import { ApiKeyGuard, TenantId, ZodBodyPipe } from '@switchboard/platform';
import { GetRoutingRulesUseCase } from '../use-cases/get-routing-rules/get-routing-rules.use-case';
import { GetRoutingSettingsUseCase } from '../use-cases/get-routing-settings/get-routing-settings.use-case';
import { putRoutingSettingsCommand } from '../use-cases/put-routing-settings/put-routing-settings.command';
import { PutRoutingSettingsUseCase } from '../use-cases/put-routing-settings/put-routing-settings.use-case';
import { replaceRoutingRulesCommand } from '../use-cases/replace-routing-rules/replace-routing-rules.command';
import { ReplaceRoutingRulesUseCase } from '../use-cases/replace-routing-rules/replace-routing-rules.use-case';
import { tenantQuery } from '../use-cases/shared/tenant-scope';
import { RoutingExceptionFilter } from './routing-exception.filter';
import {
  putSettingsRequestSchema,
  replaceRulesRequestSchema,
  type PutSettingsRequest,
  type ReplaceRulesRequest,
} from './routing.requests';
import { rulesResponse, settingsResponse } from './routing.responses';

/** How new conversations find a queue (rules, default queue) and the tenant's routing settings. */
@Controller('v1/routing')
@UseGuards(ApiKeyGuard)
@UseFilters(RoutingExceptionFilter)
export class RoutingPolicyController {
  constructor(
    private readonly getRules: GetRoutingRulesUseCase,
    private readonly replaceRules: ReplaceRoutingRulesUseCase,
    private readonly getSettings: GetRoutingSettingsUseCase,
    private readonly putSettings: PutRoutingSettingsUseCase,
  ) {}

  @Get('rules')
  async rules(@TenantId() tenantId: string): Promise<ReturnType<typeof rulesResponse>> {
    return rulesResponse(await this.getRules.execute(tenantQuery({ tenantId })));
  }

  /** Replaces the whole ordered list at once; the answer is the list as stored. */
  @Put('rules')
  async putRules(
    @TenantId() tenantId: string,
    @Body(new ZodBodyPipe(replaceRulesRequestSchema)) body: ReplaceRulesRequest,
  ): Promise<ReturnType<typeof rulesResponse>> {
    const { rules } = await this.replaceRules.execute(
      replaceRoutingRulesCommand({ tenantId, rules: body }),
    );
    return rulesResponse(rules);
  }

  @Get('settings')
  async settings(@TenantId() tenantId: string): Promise<ReturnType<typeof settingsResponse>> {
    return settingsResponse(await this.getSettings.execute(tenantQuery({ tenantId })));
  }

  @Put('settings')
  async replaceSettings(
    @TenantId() tenantId: string,
    @Body(new ZodBodyPipe(putSettingsRequestSchema)) body: PutSettingsRequest,
  ): Promise<ReturnType<typeof settingsResponse>> {
    const { settings } = await this.putSettings.execute(
      putRoutingSettingsCommand({ tenantId, settings: body }),
    );
    return settingsResponse(settings);
  }
}
