/**
 * CPU time per process during a phase of the SLA bench, read from /proc: the sla service, its
 * PostgreSQL backends (by application name) and the server's background writers, the broker and
 * this process. Wall-clock rates move with whatever else the machine does; CPU time per timer
 * shows where the work goes.
 */
import type { Client } from 'pg';
import { machineTicks, processCpuMicros } from './process-cpu';

export { kafkaPid } from './process-cpu';

export interface CpuFigures {
  /** Seconds of CPU per process group over the phase. */
  readonly seconds: Record<string, number>;
  /** Share of the machine's CPU (all cores) that was busy, 0–1. */
  readonly machineBusy: number;
}

export class CpuMeter {
  constructor(
    private readonly admin: Client,
    private readonly databaseName: string,
    private readonly processes: () => Array<{ name: string; pid: number | undefined }>,
  ) {}

  private async backends(): Promise<Array<{ name: string; pid: number }>> {
    const rows: Array<{ pid: number; name: string }> = (
      await this.admin.query(
        `SELECT pid, CASE WHEN datname IS NULL THEN backend_type
                          ELSE coalesce(nullif(application_name, ''), backend_type) END AS name
           FROM pg_stat_activity
          WHERE datname = $1 OR backend_type IN ('walwriter', 'checkpointer', 'background writer')`,
        [this.databaseName],
      )
    ).rows;
    return rows.map((row) => ({
      name: `pg:${row.name.replace(/^switchboard-/, '')}`,
      pid: row.pid,
    }));
  }

  /** Samples every process twice a second, so one that ends during the phase still counts. */
  async start(): Promise<{ stop(): Promise<CpuFigures> }> {
    const seen = new Map<number, { name: string; first: number; last: number }>();
    const sample = async (initial: boolean) => {
      for (const { name, pid } of [...this.processes(), ...(await this.backends())]) {
        if (pid === undefined) continue;
        const cpu =
          pid === process.pid
            ? process.cpuUsage().user + process.cpuUsage().system
            : processCpuMicros(pid);
        if (cpu === null) continue;
        const known = seen.get(pid);
        if (known) known.last = cpu;
        else seen.set(pid, { name, first: initial ? cpu : 0, last: cpu });
      }
    };
    const before = machineTicks();
    await sample(true);
    let sampling: Promise<void> = Promise.resolve();
    const timer = setInterval(() => {
      sampling = sampling.then(() => sample(false)).catch(() => undefined);
    }, 500);
    return {
      stop: async () => {
        clearInterval(timer);
        await sampling;
        await sample(false);
        const after = machineTicks();
        const seconds: Record<string, number> = {};
        for (const { name, first, last } of seen.values())
          seconds[name] = (seconds[name] ?? 0) + (last - first) / 1e6;
        const sorted = Object.entries(seconds)
          .filter(([, value]) => value >= 0.005)
          .sort((a, b) => b[1] - a[1])
          .map(([name, value]) => [name, Number(value.toFixed(2))] as const);
        const total = after.total - before.total;
        return {
          seconds: Object.fromEntries(sorted),
          machineBusy: total > 0 ? Number(((after.busy - before.busy) / total).toFixed(3)) : NaN,
        };
      },
    };
  }
}
