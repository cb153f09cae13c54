import { Inject, Injectable } from '@nestjs/common';
import { isSiteKey, webchatSecretsOf, type WebchatSecrets } from '@switchboard/channels';
import type { SecretsCipher } from '@switchboard/db';
import { SECRETS_CIPHER } from '../use-cases/receive-webhook.use-case';
import { ChannelAccountRepository } from '../webhooks/channel-account.repository';
import { WebchatException } from './webchat.exception';

/** A website the widget is installed on: a `webchat` channel account keyed by its public site key. */
export interface WebchatSite {
  siteKey: string;
  channelAccountId: string;
  tenantId: string;
  secrets: WebchatSecrets;
}

/** Web chat sites by site key, with their token secret decrypted. */
@Injectable()
export class WebchatSiteRepository {
  constructor(
    private readonly accounts: ChannelAccountRepository,
    @Inject(SECRETS_CIPHER) private readonly cipher: SecretsCipher,
  ) {}

  /** The active (not disabled) site, or null; a site without a usable secret is an error. */
  async findActive(siteKey: string): Promise<WebchatSite | null> {
    if (!isSiteKey(siteKey)) return null;
    const account = await this.accounts.findActive('webchat', siteKey);
    if (!account) return null;
    const secrets = webchatSecretsOf(this.cipher.decrypt(account.secretsCiphertext));
    if (!secrets) throw WebchatException.siteMisconfigured(siteKey);
    return { siteKey, channelAccountId: account.id, tenantId: account.tenantId, secrets };
  }
}
