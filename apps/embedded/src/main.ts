import 'reflect-metadata';
import { ConfigError, loadConfig } from '@switchboard/config';
import { embeddedConfigSchema } from './embedded.config';
import { DEMO_AGENT_ID, DEMO_QUEUE_ID } from './demo-routing';
import { DEMO_SLA_POLICY_NAME } from './demo-sla';
import { startEmbeddedSystem } from './embedded-system';

/** `npm start`: the whole of Switchboard in one process, for trying it out. */
async function main(): Promise<void> {
  const config = loadConfig(embeddedConfigSchema);
  const system = await startEmbeddedSystem(config);
  const redactedDb = system.databaseUrl.replace(/:[^:@/]+@/, ':***@');
  process.stdout.write(
    [
      '',
      'Switchboard is running (embedded mode)',
      `  gateway        ${system.gatewayUrl}   (health: /health/ready, metrics: /metrics)`,
      `  conversations  ${system.conversationsUrl}`,
      `  router         ${system.routerUrl}   (API description: /v1/routing/openapi.json)`,
      `  sla            ${system.slaUrl}   (API description: /v1/sla/openapi.json)`,
      `  smtp           ${system.smtpPort === null ? 'off' : `127.0.0.1:${system.smtpPort} (mail to connected inboxes)`}`,
      `  webhooks       ${system.gatewayUrl}/v1/webhooks/<twilio|slack|meta|sendgrid|mailgun|postmark|telegram/…>`,
      `  database       ${redactedDb}`,
      `  bus            ${system.busKind}`,
      `  demo tenant    ${system.demo.tenantId}`,
      `  demo API key   ${system.demo.apiKey}`,
      '',
      'Send a customer message through the API channel:',
      `  curl -sS -X POST ${system.gatewayUrl}/v1/channels/api/messages \\`,
      `    -H 'Authorization: Bearer ${system.demo.apiKey}' -H 'Content-Type: application/json' \\`,
      `    -d '{"messageId":"demo-1","from":{"id":"customer-1","name":"Ada"},"text":"Hello!"}'`,
      '',
      `It is routed to the demo agent (${DEMO_AGENT_ID}, queue ${DEMO_QUEUE_ID}); see the offer and why:`,
      `  curl -sS '${system.routerUrl}/v1/routing/conversations?agentId=${DEMO_AGENT_ID}' -H 'Authorization: Bearer ${system.demo.apiKey}'`,
      `  curl -sS ${system.routerUrl}/v1/routing/conversations/<conversationId>/explain -H 'Authorization: Bearer ${system.demo.apiKey}'`,
      'and accept it as the agent:',
      `  curl -sS -X POST ${system.routerUrl}/v1/routing/conversations/<conversationId>/accept -H 'Authorization: Bearer ${system.demo.apiKey}' -H 'Content-Type: application/json' -d '{"agentId":"${DEMO_AGENT_ID}"}'`,
      `Its SLA clocks (policy "${DEMO_SLA_POLICY_NAME}": first reply within 5 minutes), and the reply that meets the first:`,
      `  curl -sS ${system.slaUrl}/v1/sla/conversations/<conversationId>/clocks -H 'Authorization: Bearer ${system.demo.apiKey}'`,
      `  curl -sS -X POST ${system.conversationsUrl}/v1/conversations/<conversationId>/replies -H 'Authorization: Bearer ${system.demo.apiKey}' -H 'Content-Type: application/json' -d '{"agentId":"${DEMO_AGENT_ID}","text":"Hi! How can I help?"}'`,
      '',
      'Stop with Ctrl+C.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    system.logger.log(`${signal} received: stopping`, 'Embedded');
    system.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        system.logger.error(error, 'Embedded');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
