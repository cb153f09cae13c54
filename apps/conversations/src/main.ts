import 'reflect-metadata';
import { ConfigError, loadConfig } from '@switchboard/config';
import { closeOnSignal, connectRuntime, startServiceApp } from '@switchboard/platform';
import { CONVERSATIONS_GROUP_ID, conversationsConfigSchema } from './config/conversations.config';
import { ConversationsModule } from './conversations.module';

async function main(): Promise<void> {
  const config = loadConfig(conversationsConfigSchema);
  const runtime = await connectRuntime('conversations', config);
  const app = await startServiceApp(
    ConversationsModule.forRoot(runtime, {
      reopenWindowMs: config.CONVERSATION_REOPEN_WINDOW_SECONDS * 1_000,
      snoozePollMs: config.CONVERSATION_SNOOZE_POLL_MS,
    }),
    runtime,
    {
      host: config.HOST,
      port: config.PORT,
      consumer: { groupId: CONVERSATIONS_GROUP_ID },
    },
  );
  closeOnSignal(runtime.logger, [app], runtime.close);
  runtime.logger.log(
    `conversations listening on http://${config.HOST}:${config.PORT}`,
    'Bootstrap',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
