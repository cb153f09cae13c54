import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { JsonLogger } from '@switchboard/observability';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { GatewayErrorCode, GatewayException } from '../gateway.exception';
import { ReceiveWebhookUseCase } from '../use-cases/receive-webhook.use-case';
import { ChannelAccountRepository } from '../webhooks/channel-account.repository';
import { inboxOf, smtpMailAdapter } from './smtp-mail.adapter';

export interface SmtpSettings {
  /** null: no SMTP listener (mail arrives through provider webhooks instead). */
  port: number | null;
  host: string;
  maxMessageBytes: number;
}

export const SMTP_SETTINGS = Symbol('SMTP_SETTINGS');

type SmtpError = Error & { responseCode: number };

function smtpError(code: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * An SMTP listener for self-hosters who point their MX here: accepts mail for connected
 * inboxes only, and answers 250 only after the message is on the bus (451 otherwise, so
 * the sending server retries, as it would with any MX).
 */
@Injectable()
export class SmtpListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: SMTPServer | null = null;

  constructor(
    @Inject(SMTP_SETTINGS) private readonly settings: SmtpSettings,
    private readonly accounts: ChannelAccountRepository,
    private readonly receiveWebhook: ReceiveWebhookUseCase,
    private readonly logger: JsonLogger,
  ) {}

  /** The port actually bound (useful when configured as 0). */
  get port(): number | null {
    const address = this.server?.server.address();
    return address && typeof address === 'object' ? address.port : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.settings.port === null) return;
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      disableReverseLookup: true,
      size: this.settings.maxMessageBytes,
      logger: false,
      onRcptTo: (address, _session, callback) => {
        this.accounts
          .findActive('email', inboxOf(address.address))
          .then((account) =>
            callback(account ? undefined : smtpError(550, `No mailbox ${address.address} here`)),
          )
          .catch(() => callback(smtpError(451, 'Temporary failure, try again later')));
      },
      onData: (stream, session, callback) => {
        this.accept(stream, session).then(
          () => callback(),
          (error: SmtpError) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server?.server.once('error', reject);
      this.server?.listen(this.settings.port ?? 0, this.settings.host, () => resolve());
    });
    this.logger.log(`SMTP listener on ${this.settings.host}:${this.port}`, 'SmtpListener');
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private async accept(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    if (stream.sizeExceeded) throw smtpError(552, 'Message exceeds the size limit');
    const rawBody = Buffer.concat(chunks);
    for (const recipient of session.envelope.rcptTo) {
      try {
        await this.receiveWebhook.execute({
          adapter: smtpMailAdapter as never,
          request: {
            method: 'POST',
            url: 'smtp://inbound',
            headers: {},
            query: {},
            rawBody,
            routeKey: recipient.address,
          },
          receivedAt: new Date(),
        });
      } catch (error) {
        if (error instanceof GatewayException && error.code === GatewayErrorCode.MalformedWebhook) {
          throw smtpError(550, error.message);
        }
        this.logger.error(error, 'SmtpListener');
        throw smtpError(451, 'Temporary failure, try again later');
      }
    }
  }
}
