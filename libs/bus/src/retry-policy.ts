import type { RetryOptions } from './event-bus';

/** Exponential backoff with full jitter, capped; `random` is injected so tests control it. */
export function backoffMs(
  attempt: number,
  options: Pick<RetryOptions, 'initialBackoffMs' | 'maxBackoffMs'>,
  random: () => number = Math.random,
): number {
  const exponential = options.initialBackoffMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(options.maxBackoffMs, exponential);
  return Math.round(capped / 2 + (capped / 2) * random());
}
