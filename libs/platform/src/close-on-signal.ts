import type { INestApplication } from '@nestjs/common';
import type { JsonLogger } from '@switchboard/observability';

/**
 * On SIGTERM/SIGINT: stop taking HTTP requests, let consumers finish the message in hand and
 * commit, then close the bus and database. Kubernetes waits terminationGracePeriodSeconds.
 */
export function closeOnSignal(
  logger: JsonLogger,
  apps: readonly INestApplication[],
  closeRuntime: () => Promise<void>,
): void {
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: draining`, 'Shutdown');
    try {
      for (const app of apps) await app.close();
      await closeRuntime();
      logger.log('Stopped cleanly', 'Shutdown');
      process.exit(0);
    } catch (error) {
      logger.error(error, 'Shutdown');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
