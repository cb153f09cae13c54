import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayInit,
} from '@nestjs/websockets';
import {
  ANONYMOUS_VISITOR,
  applyIdentify,
  parseWebchatHandshake,
  parseWebchatIdentify,
  parseWebchatMessage,
  WEBCHAT_MAX_FRAME_BYTES,
  WEBCHAT_NAMESPACE,
  WebchatClientEvents,
  type WebchatIdentifyAck,
  type WebchatMessage,
  type WebchatMessageAck,
  type WebchatVisitorProfile,
} from '@switchboard/channels';
import { JsonLogger, withCorrelation } from '@switchboard/observability';
import { randomUUID } from 'node:crypto';
import type { DefaultEventsMap, Namespace, Socket } from 'socket.io';
import { AuthenticateVisitorUseCase } from './authenticate-visitor.use-case';
import { RecentMessages } from './recent-messages';
import { SendVisitorMessageUseCase } from './send-visitor-message.use-case';
import type { VisitorSession } from './visitor-session';
import {
  authRequired,
  connectRefusal,
  failedMessageAck,
  invalidPayload,
  toConnectError,
  type WebchatConnectRefusal,
} from './webchat-socket-errors';

/** What the gateway keeps on an admitted visitor's socket. */
interface WebchatSocketData {
  session: VisitorSession;
  profile: WebchatVisitorProfile;
  recent: RecentMessages<WebchatMessageAck>;
}

type WebchatSocket = Socket<
  DefaultEventsMap,
  DefaultEventsMap,
  DefaultEventsMap,
  WebchatSocketData
>;
type WebchatNamespace = Namespace<
  DefaultEventsMap,
  DefaultEventsMap,
  DefaultEventsMap,
  WebchatSocketData
>;

/**
 * The socket edge of the web chat, on the gateway's HTTP server: admits a connection only with
 * a valid visitor token for its site, then turns `message` and `identify` events into commands
 * and use-case results into acks. The widget runs on customers' sites, so any origin may
 * connect; the token, not a cookie, is the credential.
 */
@WebSocketGateway({
  namespace: WEBCHAT_NAMESPACE,
  cors: { origin: '*' },
  maxHttpBufferSize: WEBCHAT_MAX_FRAME_BYTES,
  serveClient: false,
})
export class WebchatGateway implements OnGatewayInit<WebchatNamespace> {
  constructor(
    private readonly authenticateVisitor: AuthenticateVisitorUseCase,
    private readonly sendVisitorMessage: SendVisitorMessageUseCase,
    private readonly logger: JsonLogger,
  ) {}

  afterInit(namespace: WebchatNamespace): void {
    // Namespace middleware: a refusal reaches the client as `connect_error`, before `connect`.
    namespace.use((socket, next) => {
      void this.admit(socket).then((refusal) =>
        next(refusal ? toConnectError(refusal) : undefined),
      );
    });
  }

  @SubscribeMessage(WebchatClientEvents.message)
  async message(
    @ConnectedSocket() socket: WebchatSocket,
    @MessageBody() payload: unknown,
  ): Promise<WebchatMessageAck> {
    const parsed = parseWebchatMessage(payload);
    if (!parsed.ok) return invalidPayload(parsed);
    const { session, recent } = socket.data;
    // The profile as it is now: a later identify changes later messages only.
    const profile = socket.data.profile;
    return recent.once(parsed.value.clientMessageId, () =>
      this.send(session, profile, parsed.value),
    );
  }

  @SubscribeMessage(WebchatClientEvents.identify)
  identify(
    @ConnectedSocket() socket: WebchatSocket,
    @MessageBody() payload: unknown,
  ): WebchatIdentifyAck {
    const parsed = parseWebchatIdentify(payload);
    if (!parsed.ok) return invalidPayload(parsed);
    socket.data.profile = applyIdentify(socket.data.profile, parsed.value);
    return { ok: true };
  }

  /** Stores the visitor's session on the socket, or says why the connection is refused. */
  private async admit(socket: WebchatSocket): Promise<WebchatConnectRefusal | null> {
    const auth = parseWebchatHandshake(socket.handshake.auth);
    if (!auth.ok) return authRequired(auth.field, auth.problem);
    try {
      const session = await this.authenticateVisitor.execute({ ...auth.value, now: new Date() });
      socket.data = {
        session,
        profile: ANONYMOUS_VISITOR,
        recent: new RecentMessages<WebchatMessageAck>(),
      };
      return null;
    } catch (error) {
      const refusal = connectRefusal(error);
      const fields = { code: refusal.code, siteKey: auth.value.siteKey };
      if (refusal.expected) {
        this.logger.debug({ msg: 'Refused a web chat connection', ...fields }, 'WebchatGateway');
      } else {
        this.logger.error(
          { msg: 'Could not admit a web chat connection', err: error, ...fields },
          'WebchatGateway',
        );
      }
      return refusal;
    }
  }

  private send(
    session: VisitorSession,
    profile: WebchatVisitorProfile,
    message: WebchatMessage,
  ): Promise<WebchatMessageAck> {
    return withCorrelation({ correlationId: randomUUID() }, async () => {
      try {
        const { messageId } = await this.sendVisitorMessage.execute({
          session,
          profile,
          message,
          receivedAt: new Date(),
        });
        return { ok: true as const, messageId };
      } catch (error) {
        const ack = failedMessageAck(error);
        const fields = {
          msg: 'A web chat message was not accepted',
          err: error,
          ack,
          visitorId: session.visitorId,
        };
        if (!ack.ok && ack.error === 'internal') this.logger.error(fields, 'WebchatGateway');
        else this.logger.warn(fields, 'WebchatGateway');
        return ack;
      }
    });
  }
}
