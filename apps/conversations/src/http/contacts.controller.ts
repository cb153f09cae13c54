import {
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  Put,
  UseGuards,
} from '@nestjs/common';
import { assertUnreachable } from '@switchboard/contracts';
import { correlationIdOrNew } from '@switchboard/observability';
import { ApiKeyGuard, TenantId, UuidParamPipe, ZodBodyPipe } from '@switchboard/platform';
import { setContactTierCommand } from '../use-cases/set-contact-tier/set-contact-tier.command';
import { SetContactTierUseCase } from '../use-cases/set-contact-tier/set-contact-tier.use-case';
import {
  setContactTierRequestSchema,
  type SetContactTierRequest,
} from './set-contact-tier.request';

/** HTTP edge for contacts: parses, builds the command, delegates, maps the outcome. */
@Controller('v1/contacts')
@UseGuards(ApiKeyGuard)
export class ContactsController {
  constructor(private readonly setContactTier: SetContactTierUseCase) {}

  /** 200 with the contact's tier (set again to the same value: nothing announced). */
  @Put(':contactId/tier')
  @HttpCode(HttpStatus.OK)
  async setTier(
    @TenantId() tenantId: string,
    @Param('contactId', UuidParamPipe) contactId: string,
    @Body(new ZodBodyPipe(setContactTierRequestSchema)) body: SetContactTierRequest,
  ): Promise<{ contactId: string; tier: string | null }> {
    const result = await this.setContactTier.execute(
      setContactTierCommand({
        tenantId,
        contactId,
        tier: body.tier,
        requestedAt: new Date(),
        correlationId: correlationIdOrNew(),
      }),
    );
    switch (result.outcome) {
      case 'changed':
      case 'unchanged':
        return { contactId: result.contactId, tier: result.tier };
      case 'not-found':
        throw new NotFoundException({
          error: 'contact_not_found',
          message: `No contact ${contactId}`,
        });
      default:
        return assertUnreachable(result);
    }
  }
}
