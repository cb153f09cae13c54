import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { JsonLogger } from '@switchboard/observability';
import {
  CONVERSATIONS_SETTINGS,
  DEFAULT_SNOOZE_POLL_MS,
  type ConversationsSettings,
} from '../config/conversations.settings';
import {
  ExpireSnoozesUseCase,
  SNOOZE_EXPIRY_BATCH,
} from '../use-cases/expire-snoozes/expire-snoozes.use-case';

/**
 * Wakes conversations whose snooze ran out, for as long as the service runs: every
 * `snoozePollMs`, and again at once after a full batch. Every replica polls; the claim skips
 * rows another holds, so they share the work. A failed poll is logged and retried at the
 * next tick. Shutdown waits for the poll in hand (its transaction commits or rolls back).
 */
@Injectable()
export class SnoozeExpiryPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly intervalMs: number;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly expireSnoozes: ExpireSnoozesUseCase,
    private readonly logger: JsonLogger,
    @Inject(CONVERSATIONS_SETTINGS) settings: ConversationsSettings,
  ) {
    this.intervalMs = settings.snoozePollMs ?? DEFAULT_SNOOZE_POLL_MS;
  }

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.schedule(this.intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.inFlight;
  }

  /** One poll: batches until one is not full (or the service stops). */
  async poll(): Promise<void> {
    try {
      let woken: number;
      do {
        woken = await this.expireSnoozes.execute();
        if (woken > 0) {
          this.logger.debug({ msg: 'Snoozes ended', count: woken }, 'SnoozeExpiryPoller');
        }
      } while (woken === SNOOZE_EXPIRY_BATCH && !this.stopped);
    } catch (error) {
      this.logger.warn({ msg: 'Ending expired snoozes failed', err: error }, 'SnoozeExpiryPoller');
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.inFlight = this.poll().finally(() => {
        this.inFlight = null;
        this.schedule(this.intervalMs);
      });
    }, delayMs);
  }
}
