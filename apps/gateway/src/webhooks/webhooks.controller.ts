import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Req,
  Res,
  type RawBodyRequest,
} from '@nestjs/common';
import { slackAdapter, slackUrlVerification, verifyMetaSubscription } from '@switchboard/channels';
import type { Request, Response } from 'express';
import { GatewayException } from '../gateway.exception';
import { ReceiveWebhookUseCase } from '../use-cases/receive-webhook.use-case';
import {
  WEBHOOK_ADAPTERS,
  WEBHOOK_PROVIDERS,
  WEBHOOK_SETTINGS,
  type WebhookAdapters,
  type WebhookProvider,
  type WebhookSettings,
} from './webhook-adapters';
import { toWebhookRequest } from './webhook-request.factory';

/** Each provider's answer once its webhook is safely on the bus. */
const ACKNOWLEDGEMENTS: Record<WebhookProvider, { type: string; body: string }> = {
  twilio: { type: 'text/xml', body: '<Response></Response>' },
  slack: { type: 'text/plain', body: '' },
  meta: { type: 'text/plain', body: 'EVENT_RECEIVED' },
  telegram: { type: 'application/json', body: '{"ok":true}' },
  sendgrid: { type: 'text/plain', body: '' },
  mailgun: { type: 'text/plain', body: '' },
  postmark: { type: 'text/plain', body: '' },
};

/** The HTTP edge for provider webhooks: builds the request, delegates, acknowledges. */
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(
    private readonly receiveWebhook: ReceiveWebhookUseCase,
    @Inject(WEBHOOK_ADAPTERS) private readonly adapters: WebhookAdapters,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
  ) {}

  /** Meta's subscription handshake: echo the challenge only for our verify token. */
  @Get('meta')
  verifyMeta(@Req() request: Request, @Res() response: Response): void {
    const token = this.settings.metaVerifyToken;
    const result = token
      ? verifyMetaSubscription(toWebhookRequest(request, this.settings.publicBaseUrl).query, token)
      : { ok: false as const };
    if (result.ok) response.status(200).type('text/plain').send(result.challenge);
    else response.status(403).type('text/plain').send('verification failed');
  }

  @Post('telegram/:accountKey')
  @HttpCode(200)
  async telegram(
    @Param('accountKey') accountKey: string,
    @Req() request: RawBodyRequest<Request>,
    @Res() response: Response,
  ): Promise<void> {
    await this.receive('telegram', request, response, accountKey);
  }

  @Post(':provider')
  @HttpCode(200)
  async provider(
    @Param('provider') provider: string,
    @Req() request: RawBodyRequest<Request>,
    @Res() response: Response,
  ): Promise<void> {
    if (!isProvider(provider) || provider === 'telegram') {
      response
        .status(404)
        .json({ error: 'unknown_provider', message: `No webhook for ${provider}` });
      return;
    }
    if (provider === 'slack' && (await this.answeredSlackUrlCheck(request, response))) return;
    await this.receive(provider, request, response, null);
  }

  private async receive(
    provider: WebhookProvider,
    request: RawBodyRequest<Request>,
    response: Response,
    routeKey: string | null,
  ): Promise<void> {
    const adapter = this.adapters[provider];
    if (!adapter) {
      response
        .status(404)
        .json({ error: 'unknown_provider', message: `No webhook for ${provider}` });
      return;
    }
    await this.receiveWebhook.execute({
      adapter,
      request: toWebhookRequest(request, this.settings.publicBaseUrl, routeKey),
      receivedAt: new Date(),
    });
    const ack = ACKNOWLEDGEMENTS[provider];
    response.status(200).type(ack.type).send(ack.body);
  }

  /** Slack checks a Request URL with a signed body naming no workspace, so the app secret signs it. */
  private async answeredSlackUrlCheck(
    request: RawBodyRequest<Request>,
    response: Response,
  ): Promise<boolean> {
    const webhook = toWebhookRequest(request, this.settings.publicBaseUrl);
    let challenge: string | null;
    try {
      challenge = slackUrlVerification(webhook);
    } catch {
      return false; // not a url_verification body: the adapter will judge it
    }
    if (challenge === null) return false;
    const secret = this.settings.slackSigningSecret;
    const verdict = secret
      ? slackAdapter.verify(webhook, { signingSecret: secret }, new Date())
      : ({ ok: false, status: 403, reason: 'no Slack signing secret configured' } as const);
    if (!verdict.ok) throw GatewayException.rejectedSignature(verdict.status, verdict.reason);
    response.status(200).json({ challenge });
    return true;
  }
}

function isProvider(value: string): value is WebhookProvider {
  return (WEBHOOK_PROVIDERS as readonly string[]).includes(value);
}
