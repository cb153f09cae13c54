import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiKeyGuard, TenantId, ZodBodyPipe } from '@switchboard/platform';
import { apiMessageRequestSchema, type ApiMessageRequest } from './api-message.request';
import { ReceiveApiMessageUseCase } from './receive-api-message.use-case';

@Controller('v1/channels/api')
@UseGuards(ApiKeyGuard)
export class ApiChannelController {
  constructor(private readonly receiveApiMessage: ReceiveApiMessageUseCase) {}

  /** 202 once the message is durably on the bus; conversations threads it asynchronously. */
  @Post('messages')
  @HttpCode(HttpStatus.ACCEPTED)
  async receive(
    @TenantId() tenantId: string,
    @Body(new ZodBodyPipe(apiMessageRequestSchema)) message: ApiMessageRequest,
  ): Promise<{ status: 'accepted'; eventId: string }> {
    const { eventId } = await this.receiveApiMessage.execute({
      tenantId,
      message,
      receivedAt: new Date(),
    });
    return { status: 'accepted', eventId };
  }
}
