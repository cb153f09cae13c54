import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import nodemailer from 'nodemailer';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { waitFor } from '../../libs/bus/src/testing/wait-for';
import { TEST_KAFKA_BROKERS } from '../support/infrastructure';
import { uniqueTopicPrefix } from '../support/services';
import { createTestDatabase } from '../support/test-database';

const root = resolve(__dirname, '../..');
const entry = join(root, 'dist/apps/embedded/src/main.js');

interface RunningEmbedded {
  process: ChildProcess;
  gatewayUrl: string;
  conversationsUrl: string;
  routerUrl: string;
  slaUrl: string;
  apiKey: string;
  output: () => string;
}

/** Runs what `npm start` runs, as its own process, and reads the URLs and key it prints. */
async function startEmbedded(env: Record<string, string>): Promise<RunningEmbedded> {
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      GATEWAY_PORT: '0',
      CONVERSATIONS_PORT: '0',
      ROUTER_PORT: '0',
      SLA_PORT: '0',
      GATEWAY_SMTP_PORT: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(
    () => output.includes('Stop with Ctrl+C') || child.exitCode !== null,
    'the embedded system to print its URLs',
    90_000,
  );
  const gatewayUrl = output.match(/gateway\s+(http:\/\/\S+)/)?.[1];
  const conversationsUrl = output.match(/conversations\s+(http:\/\/\S+)/)?.[1];
  const routerUrl = output.match(/router\s+(http:\/\/\S+)/)?.[1];
  const slaUrl = output.match(/sla\s+(http:\/\/\S+)/)?.[1];
  const apiKey = output.match(/demo API key\s+(\S+)/)?.[1];
  if (!gatewayUrl || !conversationsUrl || !routerUrl || !slaUrl || !apiKey) {
    throw new Error(`embedded mode did not start:\n${output}`);
  }
  return {
    process: child,
    gatewayUrl,
    conversationsUrl,
    routerUrl,
    slaUrl,
    apiKey,
    output: () => output,
  };
}

async function stopEmbedded(running: RunningEmbedded): Promise<number | null> {
  if (running.process.exitCode !== null) return running.process.exitCode;
  const exited = new Promise<number | null>((done) =>
    running.process.once('exit', (code) => done(code)),
  );
  running.process.kill('SIGTERM');
  return exited;
}

const post = (running: RunningEmbedded, messageId: string) =>
  fetch(`${running.gatewayUrl}/v1/channels/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${running.apiKey}` },
    body: JSON.stringify({ messageId, from: { id: 'visitor-1' }, text: 'Hello from the demo' }),
  });

/** Provider ids of stored messages, once every event they caused has left the outbox. */
async function threadedMessages(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const pending = await client.query('SELECT 1 FROM outbox WHERE published_at IS NULL');
    if (pending.rowCount) return [];
    const result = await client.query(
      "SELECT provider_message_id FROM messages WHERE direction = 'inbound' ORDER BY received_at",
    );
    return result.rows.map((row) => row.provider_message_id);
  } finally {
    await client.end();
  }
}

async function conversationOf(databaseUrl: string, providerMessageId: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const found = await client.query(
      'SELECT conversation_id FROM messages WHERE provider_message_id = $1',
      [providerMessageId],
    );
    return found.rows[0].conversation_id;
  } finally {
    await client.end();
  }
}

/** The demo conversation is offered to the demo agent, who accepts it through the router's API. */
async function routesToDemoAgent(running: RunningEmbedded, databaseUrl: string): Promise<void> {
  const conversationId = await conversationOf(databaseUrl, 'demo-1');
  const auth = { authorization: `Bearer ${running.apiKey}`, 'content-type': 'application/json' };
  const routing = `${running.routerUrl}/v1/routing/conversations/${conversationId}`;
  await waitFor(async () => {
    const response = await fetch(routing, { headers: auth });
    return response.ok && ((await response.json()) as { state: string }).state === 'offered';
  }, 'the demo conversation to be offered');
  expect(await (await fetch(routing, { headers: auth })).json()).toMatchObject({
    state: 'offered',
    agentId: 'demo-agent',
    queueId: 'general',
  });
  const accepted = await fetch(`${routing}/accept`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ agentId: 'demo-agent' }),
  });
  expect(accepted.status).toBe(200);
  expect(await accepted.json()).toMatchObject({ state: 'assigned', agentId: 'demo-agent' });
}

/** The demo policy's clocks run for the demo conversation; the agent's reply meets the first. */
async function keepsSlaClocks(running: RunningEmbedded, databaseUrl: string): Promise<void> {
  const conversationId = await conversationOf(databaseUrl, 'demo-1');
  const auth = { authorization: `Bearer ${running.apiKey}`, 'content-type': 'application/json' };
  const clocks = async (): Promise<{ metric: string; status: string }[]> => {
    const response = await fetch(
      `${running.slaUrl}/v1/sla/conversations/${conversationId}/clocks`,
      {
        headers: auth,
      },
    );
    return response.ok
      ? ((await response.json()) as { clocks: { metric: string; status: string }[] }).clocks
      : [];
  };
  const statusOf = async (metric: string) =>
    (await clocks()).find((clock) => clock.metric === metric)?.status;
  await waitFor(
    async () => (await statusOf('first_response')) === 'running',
    'a first-response clock',
  );
  const reply = await fetch(
    `${running.conversationsUrl}/v1/conversations/${conversationId}/replies`,
    {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ agentId: 'demo-agent', text: 'Hi! How can I help?' }),
    },
  );
  expect(reply.status).toBe(201);
  await waitFor(async () => (await statusOf('first_response')) === 'met', 'the reply to meet it');
  expect(await statusOf('resolution')).toBe('running');
}

/** The conversations service's HTTP API answers on its own port, with the demo key. */
async function resolvesOverHttp(running: RunningEmbedded, databaseUrl: string): Promise<void> {
  const conversationId = await conversationOf(databaseUrl, 'demo-1');
  const resolve = (headers: Record<string, string>) =>
    fetch(`${running.conversationsUrl}/v1/conversations/${conversationId}/resolve`, {
      method: 'POST',
      headers,
    });
  expect((await resolve({})).status).toBe(401);
  const resolved = await resolve({ authorization: `Bearer ${running.apiKey}` });
  expect(resolved.status).toBe(200);
  expect(await resolved.json()).toMatchObject({ conversationId, status: 'resolved' });
}

/**
 * The try-out takes every channel, not only the API: a Telegram bot connected with the CLI,
 * and mail delivered to its SMTP listener.
 */
async function receivesOtherChannels(
  running: RunningEmbedded,
  dataDir: string,
  databaseUrl: string,
): Promise<void> {
  const connect = (channel: string, account: string, secret: string) =>
    spawnSync(
      process.execPath,
      [
        join(root, 'dist/libs/db/src/cli/connect-channel.js'),
        'demo',
        channel,
        account,
        '--secret',
        secret,
      ],
      {
        env: {
          PATH: process.env.PATH ?? '',
          DATABASE_URL: databaseUrl,
          SWITCHBOARD_SECRETS_KEY: readFileSync(join(dataDir, 'secrets-key'), 'utf8').trim(),
        },
        encoding: 'utf8',
      },
    );
  const telegram = connect('telegram', 'demo-bot', 'secretToken=demo-secret-token');
  expect(telegram.status).toBe(0);
  expect(connect('email', 'support@demo.test', 'smtp=true').status).toBe(0);
  const update = readFileSync(
    join(root, 'libs/channels/test-fixtures/telegram/update_message_private_text.json'),
  );
  const response = await fetch(`${running.gatewayUrl}/v1/webhooks/telegram/demo-bot`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-telegram-bot-api-secret-token': 'demo-secret-token',
    },
    body: update,
  });
  expect(response.status).toBe(200);
  const smtpPort = Number(running.output().match(/smtp\s+127\.0\.0\.1:(\d+)/)?.[1]);
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  await transport.sendMail({
    envelope: { from: 'grace@customer.test', to: ['support@demo.test'] },
    raw: 'Message-ID: <embedded-mail@customer.test>\r\nFrom: grace@customer.test\r\nTo: support@demo.test\r\nSubject: Hi\r\n\r\nHello by mail\r\n',
  });
  transport.close();
  await waitFor(async () => {
    const ids = await threadedMessages(databaseUrl);
    return ids.includes('12345678:11223') && ids.includes('embedded-mail@customer.test');
  }, 'the Telegram and email messages');
}

describe('Embedded mode (npm start)', () => {
  it('runs every service on embedded PostgreSQL and the in-process bus, and keeps data across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-embedded-'));
    chmodSync(dataDir, 0o755); // PostgreSQL runs as the postgres user when we are root
    const env = {
      SWITCHBOARD_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(55_000 + Math.floor(Math.random() * 5_000)),
    };
    try {
      const first = await startEmbedded(env);
      const databaseUrl = await (async () => {
        try {
          expect(first.output()).toMatch(/bus\s+in-process/);
          expect((await post(first, 'demo-1')).status).toBe(202);
          expect((await fetch(`${first.gatewayUrl}/health/ready`)).status).toBe(200);
          const password = readFileSync(join(dataDir, 'postgres.password'), 'utf8').trim();
          const url = `postgres://postgres:${password}@127.0.0.1:${env.EMBEDDED_PG_PORT}/switchboard`;
          await waitFor(
            async () => (await threadedMessages(url)).length === 1,
            'the first message',
          );
          await routesToDemoAgent(first, url);
          await keepsSlaClocks(first, url);
          await resolvesOverHttp(first, url);
          return url;
        } finally {
          expect(await stopEmbedded(first)).toBe(0);
        }
      })();

      const second = await startEmbedded(env);
      try {
        expect(second.apiKey).toBe(first.apiKey);
        expect((await post(second, 'demo-2')).status).toBe(202);
        // Judged on the reading that saw both: a later one may find events of the SLA clocks or
        // of routing still in the outbox (threadedMessages then answers none).
        let threaded: string[] = [];
        await waitFor(
          async () => (threaded = await threadedMessages(databaseUrl)).length === 2,
          'both messages',
        );
        expect(threaded).toEqual(['demo-1', 'demo-2']);
        await receivesOtherChannels(second, dataDir, databaseUrl);
      } finally {
        expect(await stopEmbedded(second)).toBe(0);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('uses DATABASE_URL and KAFKA_BROKERS instead when they are set', async () => {
    const database = await createTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-embedded-'));
    const running = await startEmbedded({
      SWITCHBOARD_DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix(),
      KAFKA_TOPIC_PARTITIONS: '2',
    });
    try {
      expect(running.output()).toMatch(/bus\s+kafka/);
      expect((await post(running, 'kafka-1')).status).toBe(202);
      await waitFor(
        async () => (await threadedMessages(database.url)).length === 1,
        'the message through Kafka',
      );
    } finally {
      expect(await stopEmbedded(running)).toBe(0);
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
