import 'reflect-metadata';
import { ConfigError, loadConfig } from '@switchboard/config';
import { closeOnSignal, connectRuntime, startServiceApp } from '@switchboard/platform';
import { slaConfigSchema } from './config/sla.config';
import { SLA_GROUP_ID } from './config/sla.settings';
import { SlaModule } from './sla.module';

async function main(): Promise<void> {
  const config = loadConfig(slaConfigSchema);
  const runtime = await connectRuntime('sla', config);
  const app = await startServiceApp(
    SlaModule.forRoot(runtime, {
      scheduler: {
        pollMs: config.SLA_SCHEDULER_POLL_MS,
        batchSize: config.SLA_SCHEDULER_BATCH_SIZE,
        workers: config.SLA_SCHEDULER_WORKERS,
      },
    }),
    runtime,
    { host: config.HOST, port: config.PORT, consumer: { groupId: SLA_GROUP_ID } },
  );
  closeOnSignal(runtime.logger, [app], runtime.close);
  runtime.logger.log(`sla listening on http://${config.HOST}:${config.PORT}`, 'Bootstrap');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
