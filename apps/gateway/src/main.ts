import 'reflect-metadata';
import { ConfigError, loadConfig } from '@switchboard/config';
import { closeOnSignal, connectRuntime, startServiceApp } from '@switchboard/platform';
import { gatewayConfigSchema } from './config/gateway.config';
import { GatewayModule } from './gateway.module';

async function main(): Promise<void> {
  const config = loadConfig(gatewayConfigSchema);
  const runtime = await connectRuntime('gateway', config, {
    publishTimeoutMs: config.GATEWAY_PUBLISH_TIMEOUT_MS,
  });
  const gateway = GatewayModule.forRoot(runtime, {
    secretsKey: config.SWITCHBOARD_SECRETS_KEY,
    webhooks: {
      publicBaseUrl: config.PUBLIC_BASE_URL,
      metaVerifyToken: config.META_VERIFY_TOKEN ?? null,
      slackSigningSecret: config.SLACK_SIGNING_SECRET ?? null,
    },
    smtp: {
      port: config.GATEWAY_SMTP_PORT ?? null,
      host: config.HOST,
      maxMessageBytes: config.GATEWAY_MAX_BODY_BYTES,
    },
  });
  const app = await startServiceApp(gateway, runtime, {
    host: config.HOST,
    port: config.PORT,
    maxBodyBytes: config.GATEWAY_MAX_BODY_BYTES,
  });
  closeOnSignal(runtime.logger, [app], runtime.close);
  runtime.logger.log(`gateway listening on http://${config.HOST}:${config.PORT}`, 'Bootstrap');
}

main().catch((error: unknown) => {
  // A bad setting stops the service with a message naming it.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
