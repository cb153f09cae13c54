import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { appendToOutbox, EventOutbox, sleep, type OutboxEntry } from '@switchboard/bus';
import { JsonLogger } from '@switchboard/observability';
import { fireDue, reschedule, type ClockEvent, type ClockFiring } from '@switchboard/sla';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { loadCalendars } from '../clocks/calendar-rows';
import { addClockEvents, NO_ESCALATIONS, type ClockEscalations } from '../clocks/clock-events';
import { isoOrNull } from '../clocks/instants';
import { clockOf, type ClockRow } from '../clocks/clock-rows';
import { SLA_SETTINGS, type SlaSettings } from '../config/sla.settings';
import { SlaMetrics } from './sla-metrics';

const versionKey = (policyId: string, version: number): string => `${policyId}/${version}`;

/** The fired clocks' new columns, as arrays for one `unnest` update. */
interface ClockUpdates {
  ids: string[];
  dueAt: (string | null)[];
  warnAt: (string | null)[];
  warnedAt: (string | null)[];
  breachedAt: (string | null)[];
  nextFireAt: (string | null)[];
}

/** A deadline noticed later than this is logged: the service was down or behind. */
const LATE_LOG_MS = 1_000;
/** Late firings are summed up in one log line per this long (a backlog is many batches). */
const LATE_LOG_EVERY_MS = 10_000;

/**
 * Fires warnings and breaches as they fall due. Each replica runs a few loops; every loop
 * claims up to a batch of due clocks with FOR UPDATE SKIP LOCKED (replicas and loops never
 * take the same row), and commits their new state and events (outbox) in one transaction:
 * a crash before the commit fires them again later, after it never. After downtime the
 * overdue ones fire at once, in due order, each marked with how late it is.
 */
@Injectable()
export class SlaScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly stopping = new AbortController();
  private late = { count: 0, maxLateByMs: 0, reportedAt: 0 };

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly logger: JsonLogger,
    private readonly metrics: SlaMetrics,
    @Inject(SLA_SETTINGS) private readonly settings: SlaSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loops = Array.from({ length: this.settings.scheduler.workers }, () => this.loop());
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.stopping.abort();
    await Promise.all(this.loops);
  }

  /** Fires one batch of due clocks; returns how many clocks it claimed. */
  async fireDueBatch(): Promise<number> {
    const timer = this.metrics.batchSeconds.startTimer();
    const { claimed, fired } = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      // One statement claims and reads: a row FOR UPDATE returns as it is once locked.
      const rows: ClockRow[] = await manager.query(
        `SELECT * FROM sla_clocks WHERE next_fire_at <= $1
          ORDER BY next_fire_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [new Date(now).toISOString(), this.settings.scheduler.batchSize],
      );
      if (rows.length === 0) return { claimed: 0, fired: [] };
      return { claimed: rows.length, fired: await this.fire(manager, rows, now) };
    });
    if (claimed === 0) return 0;
    timer();
    // Counted once committed: a rolled-back batch fires again, and is counted then.
    for (const firing of fired) {
      this.metrics.fired.inc({ kind: firing.kind });
      this.metrics.lateness.observe({ kind: firing.kind }, firing.lateByMs / 1_000);
      if (firing.lateByMs > LATE_LOG_MS) {
        this.late.count += 1;
        this.late.maxLateByMs = Math.max(this.late.maxLateByMs, firing.lateByMs);
      }
    }
    this.reportLate();
    return claimed;
  }

  private reportLate(): void {
    const now = Date.now();
    if (this.late.count === 0 || now - this.late.reportedAt < LATE_LOG_EVERY_MS) return;
    this.logger.warn({
      msg: 'SLA deadlines fired late (the service was down or behind)',
      late: this.late.count,
      maxLateByMs: this.late.maxLateByMs,
    });
    this.late = { count: 0, maxLateByMs: 0, reportedAt: now };
  }

  /** The escalations of the policy versions the clocks run under. */
  private async escalationsOf(
    manager: EntityManager,
    rows: readonly ClockRow[],
  ): Promise<Map<string, ClockEscalations>> {
    const versions = new Map(
      rows.map((row) => [versionKey(row.policy_id, row.policy_version), row]),
    );
    const found: { policy_id: string; version: number; escalations: ClockEscalations }[] =
      await manager.query(
        `SELECT v.policy_id, v.version, v.definition -> 'escalations' AS escalations
           FROM sla_policy_versions v
           JOIN unnest($1::uuid[], $2::int[]) AS wanted (policy_id, version)
             ON wanted.policy_id = v.policy_id AND wanted.version = v.version`,
        [
          [...versions.values()].map((row) => row.policy_id),
          [...versions.values()].map((row) => row.policy_version),
        ],
      );
    return new Map(
      found.map((row) => [versionKey(row.policy_id, row.version), row.escalations] as const),
    );
  }

  /** Each conversation's earliest running due time, as the batch left it. */
  private async conversationsDue(
    manager: EntityManager,
    conversationIds: readonly string[],
  ): Promise<Map<string, number>> {
    const rows: { conversation_id: string; due_at: Date }[] = await manager.query(
      `SELECT conversation_id, min(due_at) AS due_at FROM sla_clocks
        WHERE conversation_id = ANY($1::uuid[]) AND status = 'running' AND due_at IS NOT NULL
        GROUP BY conversation_id`,
      [[...new Set(conversationIds)]],
    );
    return new Map(rows.map((row) => [row.conversation_id, row.due_at.getTime()] as const));
  }

  /** Fires the claimed clocks: their new state and their events, in the caller's transaction. */
  private async fire(
    manager: EntityManager,
    rows: ClockRow[],
    now: number,
  ): Promise<ClockFiring[]> {
    const calendarIds = new Set<string>();
    for (const row of rows) if (row.calendar_id) calendarIds.add(row.calendar_id);
    const calendars = await loadCalendars(manager, calendarIds);
    const updates: ClockUpdates = {
      ids: [],
      dueAt: [],
      warnAt: [],
      warnedAt: [],
      breachedAt: [],
      nextFireAt: [],
    };
    const firedClocks: { row: ClockRow; events: ClockEvent[] }[] = [];
    for (const row of rows) {
      const clock = clockOf(row, calendars);
      // Business hours are judged by the calendar as it is when the deadline comes: a holiday
      // added since the clock started postpones it (nothing fires; it waits for the new time).
      const current = clock.timing.calendar ? reschedule(clock.state, clock.timing) : clock.state;
      const { clock: state, fired } = fireDue(current, now);
      updates.ids.push(row.id);
      updates.dueAt.push(isoOrNull(state.dueAt));
      updates.warnAt.push(isoOrNull(state.warnAt));
      updates.warnedAt.push(isoOrNull(state.warnedAt));
      updates.breachedAt.push(isoOrNull(state.breachedAt));
      // Only a running clock has anything to fire; a stray instant on another would be claimed
      // on every poll.
      updates.nextFireAt.push(isoOrNull(state.status === 'running' ? state.nextFireAt : null));
      if (fired.length === 0) continue;
      const fresh = { ...clock, state };
      firedClocks.push({
        row,
        events: fired.map((firing) => ({
          type: firing.kind === 'warning' ? 'warning' : 'breached',
          clock: fresh,
          firing,
          at: now,
        })),
      });
    }
    await manager.query(
      `UPDATE sla_clocks c
          SET due_at = u.due_at, warn_at = u.warn_at, warned_at = u.warned_at,
              breached_at = u.breached_at, next_fire_at = u.next_fire_at
         FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[],
                     $5::timestamptz[], $6::timestamptz[])
              AS u(id, due_at, warn_at, warned_at, breached_at, next_fire_at)
        WHERE c.id = u.id`,
      [
        updates.ids,
        updates.dueAt,
        updates.warnAt,
        updates.warnedAt,
        updates.breachedAt,
        updates.nextFireAt,
      ],
    );
    if (firedClocks.length === 0) return [];
    const firedRows = firedClocks.map(({ row }) => row);
    const escalations = await this.escalationsOf(manager, firedRows);
    const due = await this.conversationsDue(
      manager,
      firedRows.map((row) => row.conversation_id),
    );
    const entries: OutboxEntry[] = [];
    for (const { row, events } of firedClocks) {
      const outbox = new EventOutbox({
        tenantId: row.tenant_id,
        correlationId: row.conversation_id,
        causationEventId: null,
      });
      addClockEvents(
        outbox,
        row.conversation_id,
        events,
        due.get(row.conversation_id) ?? null,
        escalations.get(versionKey(row.policy_id, row.policy_version)) ?? NO_ESCALATIONS,
      );
      entries.push(...outbox.collected);
    }
    await appendToOutbox(manager, entries);
    return firedClocks.flatMap(({ events }) =>
      events.flatMap((event) => ('firing' in event ? [event.firing] : [])),
    );
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        claimed = await this.fireDueBatch();
      } catch (error) {
        this.logger.error(error, 'SlaScheduler');
      }
      // A full batch means more are due: go on at once. Otherwise wait for the next poll.
      if (claimed < this.settings.scheduler.batchSize && this.running)
        await sleep(this.settings.scheduler.pollMs, this.stopping.signal);
    }
  }
}
