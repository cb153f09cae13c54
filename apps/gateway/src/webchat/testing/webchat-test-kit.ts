import type { EventBus, OutgoingMessage } from '@switchboard/bus';
import { SecretsCipher } from '@switchboard/db';
import {
  ChannelAccountRepository,
  type ChannelAccountRecord,
} from '../../webhooks/channel-account.repository';
import { WebchatSiteRepository } from '../webchat-site.repository';

/** Fakes for the web chat's unit specs: no database, no broker. */
export const TENANT_ID = '7b0c6a38-2f7e-4d55-9d8e-0d3c3f1f2a11';
export const ACCOUNT_ID = 'e1c7a2f4-5b6d-4e8f-9a0b-1c2d3e4f5a6b';
export const SITE_KEY = 'site_abc123';
export const TOKEN_SECRET = 'webchat-visitor-token-secret-for-unit-tests';

const cipher = new SecretsCipher(Buffer.alloc(32, 3).toString('base64'));

/** Channel accounts held in memory, encrypted like the real ones. */
class InMemoryChannelAccounts extends ChannelAccountRepository {
  private readonly rows = new Map<string, ChannelAccountRecord>();

  constructor() {
    super(null as never);
  }

  add(channel: string, externalId: string, secrets: Record<string, string>): void {
    this.rows.set(`${channel}:${externalId}`, {
      id: ACCOUNT_ID,
      tenantId: TENANT_ID,
      secretsCiphertext: cipher.encrypt(secrets),
    });
  }

  override async findActive(channel: string, externalId: string) {
    return this.rows.get(`${channel}:${externalId}`) ?? null;
  }
}

/** A site repository over in-memory accounts holding `site_abc123` (and whatever `setUp` adds). */
export function siteRepository(
  setUp: (accounts: InMemoryChannelAccounts) => void = () => undefined,
): WebchatSiteRepository {
  const accounts = new InMemoryChannelAccounts();
  accounts.add('webchat', SITE_KEY, { visitorTokenSecret: TOKEN_SECRET });
  setUp(accounts);
  return new WebchatSiteRepository(accounts, cipher);
}

/** Records what is published; `failing` makes every publish reject like an unreachable broker. */
export class RecordingBus implements EventBus {
  readonly published: Array<{ topic: string; message: OutgoingMessage }> = [];
  failing = false;

  async ensureTopics(): Promise<void> {}
  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (this.failing) throw new Error('KafkaJSNumberOfRetriesExceeded');
    for (const message of messages) this.published.push({ topic, message });
  }
  async subscribe(): Promise<never> {
    throw new Error('not used');
  }
  async health() {
    return { ok: !this.failing, detail: 'recording' };
  }
  async close(): Promise<void> {}
}
