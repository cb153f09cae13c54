/** CPU time of processes and of the machine, read from /proc, for the benches' CPU figures. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU of a process in microseconds, or null once it is gone. */
export function processCpuMicros(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat(5); `fields` starts at field 3.
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Busy and total jiffies of the whole machine. */
export function machineTicks(): { busy: number; total: number } {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const values = cpu!.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((sum, value) => sum + value, 0);
  const idle = values[3]! + (values[4] ?? 0);
  return { busy: total - idle, total };
}

/** The broker scripts/kafka started, if its pid file is where it keeps it. */
export function kafkaPid(repoRoot: string, port: number): number | undefined {
  const stateDir = process.env.KAFKA_STATE_DIR ?? join(repoRoot, '.kafka', String(port));
  try {
    const pid = Number(readFileSync(join(stateDir, 'kafka.pid'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && processCpuMicros(pid) !== null ? pid : undefined;
  } catch {
    return undefined;
  }
}
