import 'reflect-metadata';
import { ConfigError, loadConfig } from '@switchboard/config';
import { closeOnSignal, connectRuntime, startServiceApp } from '@switchboard/platform';
import { routerConfigSchema } from './config/router.config';
import { ROUTER_INTAKE_GROUP_ID } from './config/router.settings';
import { RouterModule } from './router.module';

async function main(): Promise<void> {
  const config = loadConfig(routerConfigSchema);
  const runtime = await connectRuntime('router', config);
  const app = await startServiceApp(
    RouterModule.forRoot(runtime, {
      instanceId: config.ROUTER_INSTANCE_ID,
      commandPartitions: config.KAFKA_TOPIC_PARTITIONS,
      ownershipCheckMs: config.ROUTER_OWNERSHIP_CHECK_MS,
    }),
    runtime,
    { host: config.HOST, port: config.PORT, consumer: { groupId: ROUTER_INTAKE_GROUP_ID } },
  );
  closeOnSignal(runtime.logger, [app], runtime.close);
  runtime.logger.log(`router listening on http://${config.HOST}:${config.PORT}`, 'Bootstrap');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
