import { Injectable } from '@nestjs/common';
import { verifyVisitorToken } from '@switchboard/channels';
import type { VisitorSession } from './visitor-session';
import { WebchatException } from './webchat.exception';
import { WebchatSiteRepository } from './webchat-site.repository';

export interface AuthenticateVisitorCommand {
  siteKey: string;
  token: string;
  now: Date;
}

/** Opens a visitor's session from the token presented on connect, or says why it cannot. */
@Injectable()
export class AuthenticateVisitorUseCase {
  constructor(private readonly sites: WebchatSiteRepository) {}

  async execute(command: AuthenticateVisitorCommand): Promise<VisitorSession> {
    const site = await this.sites.findActive(command.siteKey);
    if (!site) throw WebchatException.unknownSite(command.siteKey);
    const verdict = verifyVisitorToken(command.token, site.secrets.visitorTokenSecret, {
      site: site.siteKey,
      now: command.now,
    });
    if (!verdict.ok) throw WebchatException.invalidVisitorToken(verdict.problem);
    return {
      tenantId: site.tenantId,
      channelAccountId: site.channelAccountId,
      siteKey: site.siteKey,
      visitorId: verdict.claims.visitor,
      expiresAt: new Date(verdict.claims.exp * 1000),
    };
  }
}
