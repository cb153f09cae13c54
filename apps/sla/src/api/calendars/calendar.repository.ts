import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CalendarDefinition } from '../shared/sla-config.schemas';

export interface CalendarRecord extends CalendarDefinition {
  readonly id: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface HolidayRecord {
  /** `YYYY-MM-DD`, a local date of the calendar's zone. */
  readonly date: string;
  readonly name: string;
}

/** What still counts in a calendar: it cannot be deleted while any of these holds. */
export interface CalendarUsage {
  /** Active policies whose current version names it. */
  readonly policies: readonly string[];
  /** Unresolved conversations bound to a policy version that names it. */
  readonly conversations: number;
  /** Clocks counted in it (the database keeps the reference). */
  readonly clocks: number;
}

interface CalendarRow {
  id: string;
  name: string;
  time_zone: string;
  weekly: CalendarDefinition['weekly'];
  closures: CalendarDefinition['closures'];
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, time_zone, weekly, closures, created_at, updated_at';

const toRecord = (row: CalendarRow): CalendarRecord => ({
  id: row.id,
  name: row.name,
  timeZone: row.time_zone,
  weekly: row.weekly,
  closures: row.closures,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The tenant's business-hours calendars and their holidays; every method is tenant-scoped. */
@Injectable()
export class CalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(tenantId: string): Promise<CalendarRecord[]> {
    const rows: CalendarRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM sla_calendars WHERE tenant_id = $1 ORDER BY name, id`,
      [tenantId],
    );
    return rows.map(toRecord);
  }

  async find(
    tenantId: string,
    calendarId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CalendarRecord | null> {
    const rows: CalendarRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM sla_calendars WHERE tenant_id = $1 AND id = $2`,
      [tenantId, calendarId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Whether another of the tenant's calendars (not `exceptId`) has this name. */
  async nameTaken(
    manager: EntityManager,
    tenantId: string,
    name: string,
    exceptId: string | null = null,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM sla_calendars
        WHERE tenant_id = $1 AND name = $2 AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [tenantId, name, exceptId],
    );
    return rows.length > 0;
  }

  async insert(
    manager: EntityManager,
    tenantId: string,
    calendarId: string,
    calendar: CalendarDefinition,
  ): Promise<CalendarRecord> {
    const [row]: CalendarRow[] = await manager.query(
      `INSERT INTO sla_calendars (id, tenant_id, name, time_zone, weekly, closures)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb) RETURNING ${COLUMNS}`,
      [
        calendarId,
        tenantId,
        calendar.name,
        calendar.timeZone,
        JSON.stringify(calendar.weekly),
        JSON.stringify(calendar.closures),
      ],
    );
    return toRecord(row!);
  }

  /** Replaces the calendar (its holidays stay); null when the tenant has no such calendar. */
  async replace(
    manager: EntityManager,
    tenantId: string,
    calendarId: string,
    calendar: CalendarDefinition,
  ): Promise<CalendarRecord | null> {
    const [rows]: [CalendarRow[], number] = await manager.query(
      `UPDATE sla_calendars
          SET name = $3, time_zone = $4, weekly = $5::jsonb, closures = $6::jsonb, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [
        tenantId,
        calendarId,
        calendar.name,
        calendar.timeZone,
        JSON.stringify(calendar.weekly),
        JSON.stringify(calendar.closures),
      ],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async usage(
    manager: EntityManager,
    tenantId: string,
    calendarId: string,
  ): Promise<CalendarUsage> {
    // One after another: the queries share the transaction's connection.
    const policies: { name: string }[] = await manager.query(
      `SELECT p.name FROM sla_policies p
         JOIN sla_policy_versions v ON v.policy_id = p.id AND v.version = p.current_version
        WHERE p.tenant_id = $1 AND p.active AND v.definition ->> 'calendarId' = $2
        ORDER BY p.position, p.name`,
      [tenantId, calendarId],
    );
    const [conversations]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM sla_conversations c
         JOIN sla_policy_versions v ON v.policy_id = c.policy_id AND v.version = c.policy_version
        WHERE c.tenant_id = $1 AND c.status <> 'resolved' AND v.definition ->> 'calendarId' = $2`,
      [tenantId, calendarId],
    );
    const [clocks]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM sla_clocks WHERE tenant_id = $1 AND calendar_id = $2`,
      [tenantId, calendarId],
    );
    return {
      policies: policies.map((row) => row.name),
      conversations: conversations?.count ?? 0,
      clocks: clocks?.count ?? 0,
    };
  }

  /** Deletes the calendar and its holidays; false when the tenant has no such calendar. */
  async delete(manager: EntityManager, tenantId: string, calendarId: string): Promise<boolean> {
    const [, count]: [unknown[], number] = await manager.query(
      `DELETE FROM sla_calendars WHERE tenant_id = $1 AND id = $2`,
      [tenantId, calendarId],
    );
    return count > 0;
  }

  /** The calendar's holidays by date (the caller knows the calendar is the tenant's). */
  async holidays(
    tenantId: string,
    calendarId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HolidayRecord[]> {
    return manager.query(
      `SELECT to_char(h.date, 'YYYY-MM-DD') AS date, h.name
         FROM sla_calendar_holidays h JOIN sla_calendars c ON c.id = h.calendar_id
        WHERE c.tenant_id = $1 AND h.calendar_id = $2
        ORDER BY h.date`,
      [tenantId, calendarId],
    );
  }

  /** Adds or renames the holiday; `created` when the date was not closed before. */
  async putHoliday(
    manager: EntityManager,
    tenantId: string,
    calendarId: string,
    holiday: HolidayRecord,
  ): Promise<{ created: boolean }> {
    const rows: { created: boolean }[] = await manager.query(
      `INSERT INTO sla_calendar_holidays (calendar_id, date, name)
       SELECT c.id, $3::date, $4 FROM sla_calendars c WHERE c.tenant_id = $1 AND c.id = $2
       ON CONFLICT (calendar_id, date) DO UPDATE SET name = EXCLUDED.name
       RETURNING (xmax = 0) AS created`,
      [tenantId, calendarId, holiday.date, holiday.name],
    );
    if (rows.length === 0) throw new Error(`No calendar ${calendarId} in tenant ${tenantId}`);
    await this.touch(manager, tenantId, calendarId);
    return { created: rows[0]!.created };
  }

  /** False when the calendar has no holiday on that date. */
  async deleteHoliday(
    manager: EntityManager,
    tenantId: string,
    calendarId: string,
    date: string,
  ): Promise<boolean> {
    const [, count]: [unknown[], number] = await manager.query(
      `DELETE FROM sla_calendar_holidays h USING sla_calendars c
        WHERE c.id = h.calendar_id AND c.tenant_id = $1 AND h.calendar_id = $2 AND h.date = $3::date`,
      [tenantId, calendarId, date],
    );
    if (count > 0) await this.touch(manager, tenantId, calendarId);
    return count > 0;
  }

  private async touch(manager: EntityManager, tenantId: string, calendarId: string): Promise<void> {
    await manager.query(
      `UPDATE sla_calendars SET updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, calendarId],
    );
  }
}
