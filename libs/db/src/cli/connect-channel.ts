import { CHANNELS } from '@switchboard/contracts';
import { registerChannelAccount } from '../channel-accounts';
import { createDataSource } from '../data-source';
import { TenantEntity } from '../entities/tenant.entity';
import { SecretsCipher } from '../secrets-cipher';
import { secretsCliConfig } from './cli-config';

const USAGE =
  'usage: connect-channel <tenant-slug> <channel> <account-external-id> [--name "Display name"] --secret key=value [--secret key=value…]';

/**
 * Connects a provider account to a tenant, e.g.
 *   connect-channel acme sms +14155550100 --secret authToken=…
 *   connect-channel acme telegram support-bot --secret secretToken=…
 * The secrets are encrypted with SWITCHBOARD_SECRETS_KEY before they are stored.
 */
async function main(): Promise<void> {
  const [slug, channel, externalId, ...rest] = process.argv.slice(2);
  const { DATABASE_URL: url, SWITCHBOARD_SECRETS_KEY: key } = secretsCliConfig();
  if (!slug || !externalId || !(CHANNELS as readonly string[]).includes(channel)) {
    throw new Error(`${USAGE}\nchannels: ${CHANNELS.join(', ')}`);
  }
  const secrets: Record<string, string> = {};
  let name = `${channel} ${externalId}`;
  for (let index = 0; index < rest.length; index += 2) {
    const [flag, value] = [rest[index], rest[index + 1]];
    if (flag === '--name' && value) name = value;
    else if (flag === '--secret' && value?.includes('=')) {
      const at = value.indexOf('=');
      secrets[value.slice(0, at)] = value.slice(at + 1);
    } else throw new Error(USAGE);
  }
  if (Object.keys(secrets).length === 0) throw new Error(USAGE);
  const dataSource = await createDataSource({
    url,
    applicationName: 'switchboard-connect',
  }).initialize();
  try {
    const tenant = await dataSource.getRepository(TenantEntity).findOne({ where: { slug } });
    if (!tenant) throw new Error(`No tenant ${slug}`);
    const id = await registerChannelAccount(dataSource, new SecretsCipher(key), {
      tenantId: tenant.id,
      channel,
      externalId,
      displayName: name,
      secrets,
    });
    console.log(JSON.stringify({ channelAccountId: id, tenant: slug, channel, externalId }));
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
