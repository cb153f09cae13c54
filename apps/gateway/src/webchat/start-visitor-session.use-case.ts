import { Inject, Injectable } from '@nestjs/common';
import { createVisitorId, issueVisitorToken, VISITOR_ID_RANDOM_BYTES } from '@switchboard/channels';
import { WebchatException } from './webchat.exception';
import { WebchatSiteRepository } from './webchat-site.repository';
import {
  DEFAULT_VISITOR_TOKEN_TTL_SECONDS,
  RANDOM_BYTES,
  WEBCHAT_SETTINGS,
  type RandomBytes,
  type WebchatSettings,
} from './webchat-settings';

export interface StartVisitorSessionCommand {
  siteKey: string;
  now: Date;
}

export interface StartedVisitorSession {
  visitorId: string;
  token: string;
  expiresAt: Date;
}

/** A new anonymous visitor on a site: a random id and a token signed with the site's secret. */
@Injectable()
export class StartVisitorSessionUseCase {
  constructor(
    private readonly sites: WebchatSiteRepository,
    @Inject(WEBCHAT_SETTINGS) private readonly settings: WebchatSettings,
    @Inject(RANDOM_BYTES) private readonly randomBytes: RandomBytes,
  ) {}

  async execute(command: StartVisitorSessionCommand): Promise<StartedVisitorSession> {
    const site = await this.sites.findActive(command.siteKey);
    if (!site) throw WebchatException.unknownSite(command.siteKey);
    const visitorId = createVisitorId(this.randomBytes(VISITOR_ID_RANDOM_BYTES));
    const { token, expiresAt } = issueVisitorToken(
      {
        site: site.siteKey,
        visitor: visitorId,
        now: command.now,
        ttlSeconds: this.settings.visitorTokenTtlSeconds ?? DEFAULT_VISITOR_TOKEN_TTL_SECONDS,
      },
      site.secrets.visitorTokenSecret,
    );
    return { visitorId, token, expiresAt };
  }
}
