import type { JsonLogger } from '@switchboard/observability';
import type { DataSource } from 'typeorm';
import { RetentionSweep } from './retention-sweep';

function sweepOf(query: (sql: string, parameters: unknown[]) => Promise<unknown>) {
  const warnings: unknown[] = [];
  const logger = { warn: (entry: unknown) => warnings.push(entry) } as unknown as JsonLogger;
  const sweep = new RetentionSweep({ query } as unknown as DataSource, logger, {
    table: 'things_seen',
    column: 'seen_at',
    keep: '2 hours',
    everyMs: 60_000,
    failureMessage: 'Deleting old things failed',
  });
  return { sweep, warnings };
}

describe('RetentionSweep', () => {
  afterEach(() => jest.useRealTimers());

  it('deletes the rows older than the retention', async () => {
    const queries: [string, unknown[]][] = [];
    const { sweep } = sweepOf(async (sql, parameters) => queries.push([sql, parameters]));
    await sweep.sweep();
    expect(queries).toEqual([
      ['DELETE FROM things_seen WHERE seen_at < now() - $1::interval', ['2 hours']],
    ]);
  });

  it('logs a failed sweep instead of throwing, and tries again next time', async () => {
    const { sweep, warnings } = sweepOf(() => Promise.reject(new Error('connection lost')));
    await expect(sweep.sweep()).resolves.toBeUndefined();
    expect(warnings).toEqual([
      {
        msg: 'Deleting old things failed',
        err: expect.objectContaining({ message: 'connection lost' }),
      },
    ]);
  });

  it('sweeps every interval from bootstrap until shutdown', () => {
    jest.useFakeTimers();
    let sweeps = 0;
    const { sweep } = sweepOf(async () => sweeps++);
    sweep.onApplicationBootstrap();
    jest.advanceTimersByTime(59_999);
    expect(sweeps).toBe(0);
    jest.advanceTimersByTime(1);
    jest.advanceTimersByTime(60_000);
    expect(sweeps).toBe(2);
    sweep.onApplicationShutdown();
    jest.advanceTimersByTime(600_000);
    expect(sweeps).toBe(2);
  });
});
