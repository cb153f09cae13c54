import {
  Controller,
  Header,
  HttpCode,
  HttpStatus,
  Options,
  Param,
  Post,
  UseFilters,
} from '@nestjs/common';
import { StartVisitorSessionUseCase } from './start-visitor-session.use-case';
import { WebchatExceptionFilter } from './webchat-exception.filter';

/** CORS for the widget, which calls from any customer site and sends no cookies. */
const CORS = {
  origin: '*',
  methods: 'POST, OPTIONS',
  headers: 'Content-Type',
  maxAgeSeconds: '86400',
};

/** The HTTP edge of the web chat: a visitor's session starts here, before the socket. */
@Controller('v1/webchat')
@UseFilters(WebchatExceptionFilter)
export class WebchatSessionsController {
  constructor(private readonly startVisitorSession: StartVisitorSessionUseCase) {}

  /** A new anonymous visitor: 201 with the visitor id and the token the socket presents. */
  @Post(':siteKey/sessions')
  @HttpCode(HttpStatus.CREATED)
  @Header('Access-Control-Allow-Origin', CORS.origin)
  @Header('Cache-Control', 'no-store')
  async start(
    @Param('siteKey') siteKey: string,
  ): Promise<{ visitorId: string; token: string; expiresAt: string }> {
    const session = await this.startVisitorSession.execute({ siteKey, now: new Date() });
    return {
      visitorId: session.visitorId,
      token: session.token,
      expiresAt: session.expiresAt.toISOString(),
    };
  }

  /** The browser's preflight when the widget posts with a JSON content type. */
  @Options(':siteKey/sessions')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Header('Access-Control-Allow-Origin', CORS.origin)
  @Header('Access-Control-Allow-Methods', CORS.methods)
  @Header('Access-Control-Allow-Headers', CORS.headers)
  @Header('Access-Control-Max-Age', CORS.maxAgeSeconds)
  preflight(): void {}
}
