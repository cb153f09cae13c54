import type { JsonLogger } from '@switchboard/observability';
import {
  SNOOZE_EXPIRY_BATCH,
  type ExpireSnoozesUseCase,
} from '../use-cases/expire-snoozes/expire-snoozes.use-case';
import { SnoozeExpiryPoller } from './snooze-expiry.poller';

/** A use case answering the given batch sizes in turn (0 once they run out). */
function expiring(batches: Array<number | Error>) {
  const execute = jest.fn(async () => {
    const next = batches.shift() ?? 0;
    if (next instanceof Error) throw next;
    return next;
  });
  return { execute } as unknown as ExpireSnoozesUseCase & { execute: typeof execute };
}

const logger = { debug: jest.fn(), warn: jest.fn() } as unknown as JsonLogger & {
  warn: jest.Mock;
};

describe('SnoozeExpiryPoller', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('polls every interval once started, and not after shutdown', async () => {
    const useCase = expiring([]);
    const poller = new SnoozeExpiryPoller(useCase, logger, {
      reopenWindowMs: 1,
      snoozePollMs: 500,
    });
    poller.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(499);
    expect(useCase.execute).toHaveBeenCalledTimes(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(useCase.execute).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(useCase.execute).toHaveBeenCalledTimes(3);

    await poller.onApplicationShutdown();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(useCase.execute).toHaveBeenCalledTimes(3);
  });

  it('takes the next batch at once while batches come back full', async () => {
    const useCase = expiring([SNOOZE_EXPIRY_BATCH, SNOOZE_EXPIRY_BATCH, 3]);
    const poller = new SnoozeExpiryPoller(useCase, logger, { reopenWindowMs: 1 });
    poller.onApplicationBootstrap();
    await poller.poll();
    expect(useCase.execute).toHaveBeenCalledTimes(3);
    await poller.onApplicationShutdown();
  });

  it('logs a failed poll and tries again at the next tick', async () => {
    const useCase = expiring([new Error('connection lost'), 1]);
    const poller = new SnoozeExpiryPoller(useCase, logger, {
      reopenWindowMs: 1,
      snoozePollMs: 100,
    });
    poller.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(100);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.objectContaining({ msg: 'Ending expired snoozes failed' }),
      'SnoozeExpiryPoller',
    );
    await jest.advanceTimersByTimeAsync(100);
    expect(useCase.execute).toHaveBeenCalledTimes(2);
    await poller.onApplicationShutdown();
  });

  it('waits for the poll in hand when shut down', async () => {
    let finish: (count: number) => void = () => undefined;
    const execute = jest.fn(() => new Promise<number>((resolve) => (finish = resolve)));
    const poller = new SnoozeExpiryPoller({ execute } as unknown as ExpireSnoozesUseCase, logger, {
      reopenWindowMs: 1,
      snoozePollMs: 10,
    });
    poller.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10);
    expect(execute).toHaveBeenCalledTimes(1);

    let stopped = false;
    const stopping = poller.onApplicationShutdown().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish(0);
    await stopping;
    expect(stopped).toBe(true);
    await jest.advanceTimersByTimeAsync(100);
    expect(execute).toHaveBeenCalledTimes(1);
  });
});
