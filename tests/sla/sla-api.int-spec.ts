import { provisionTenant } from '@switchboard/db';
import { randomUUID } from 'node:crypto';
import { startSla, uniqueTopicPrefix, type RunningService } from '../support/services';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE';

/** A JSON answer, read loosely: the assertions say what it must hold. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface Reply {
  status: number;
  body: Json;
}

const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' }));
/** Open every hour of the week: business time runs as fast as calendar time. */
const allWeek = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' }));

/**
 * The SLA service's HTTP API on the real PostgreSQL and broker: a tenant defines business-hours
 * calendars with holidays and versioned policies; a conversation's clocks (seeded as the
 * service writes them) stand where `standing()` says, now; every route is scoped to the
 * tenant of the API key.
 */
describe('SLA HTTP API', () => {
  const topicPrefix = uniqueTopicPrefix();
  let database: TestDatabase;
  let sla: RunningService;
  let tenantId: string;
  let apiKey: string;
  let otherTenantKey: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    sla = await startSla({ databaseUrl: database.url, topicPrefix });
    ({ tenantId, apiKey } = await provisionTenant(sla.runtime.dataSource, {
      slug: 'acme',
      name: 'Acme',
    }));
    ({ apiKey: otherTenantKey } = await provisionTenant(sla.runtime.dataSource, {
      slug: 'globex',
      name: 'Globex',
    }));
  }, 60_000);

  afterAll(async () => {
    await sla?.stop();
    await database?.drop();
  });

  const query = <T = Record<string, unknown>>(
    sql: string,
    parameters: unknown[] = [],
  ): Promise<T[]> => sla.runtime.dataSource.query(sql, parameters);

  /** A request to the SLA service, with the tenant's key unless told otherwise. */
  const call = async (
    method: Method,
    path: string,
    options: { body?: unknown; key?: string | null } = {},
  ): Promise<Reply> => {
    const key = options.key === undefined ? apiKey : options.key;
    const response = await fetch(`${sla.url}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  const fieldsOf = (reply: Reply): string[] =>
    (reply.body.fields as { field: string }[]).map((field) => field.field);

  const createCalendar = async (name: string, weekly = weekdays): Promise<string> => {
    const created = await call('POST', '/v1/sla/calendars', {
      body: { name, timeZone: 'UTC', weekly },
    });
    expect(created.status).toBe(201);
    return created.body.id;
  };

  describe('calendars', () => {
    it('creates, lists, reads, replaces and deletes a calendar', async () => {
      const created = await call('POST', '/v1/sla/calendars', {
        body: {
          name: 'Berlin office',
          timeZone: 'Europe/Berlin',
          weekly: [...weekdays, { day: 5, start: '22:00', end: '02:00' }],
          closures: [
            { from: '2026-12-24T12:00:00+01:00', to: '2026-12-27T00:00:00+01:00', name: 'Xmas' },
          ],
        },
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Berlin office',
        timeZone: 'Europe/Berlin',
        weekly: [...weekdays, { day: 5, start: '22:00', end: '02:00' }],
        closures: [
          { from: '2026-12-24T11:00:00.000Z', to: '2026-12-26T23:00:00.000Z', name: 'Xmas' },
        ],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const id = created.body.id;

      expect((await call('GET', `/v1/sla/calendars/${id}`)).body).toEqual(created.body);
      const listed = await call('GET', '/v1/sla/calendars');
      expect(listed.status).toBe(200);
      expect(listed.body.map((calendar: Json) => calendar.id)).toContain(id);

      const replaced = await call('PUT', `/v1/sla/calendars/${id}`, {
        body: { name: 'Berlin HQ', timeZone: 'Europe/Berlin', weekly: allWeek },
      });
      expect(replaced.status).toBe(200);
      expect(replaced.body).toMatchObject({ id, name: 'Berlin HQ', weekly: allWeek, closures: [] });
      expect(replaced.body.createdAt).toBe(created.body.createdAt);

      expect((await call('DELETE', `/v1/sla/calendars/${id}`)).status).toBe(204);
      expect((await call('GET', `/v1/sla/calendars/${id}`)).status).toBe(404);
      expect((await call('DELETE', `/v1/sla/calendars/${id}`)).status).toBe(404);
    });

    it('closes and reopens holidays on real dates', async () => {
      const id = await createCalendar('Holidays');
      const path = `/v1/sla/calendars/${id}/holidays`;

      const added = await call('PUT', `${path}/2026-12-25`, { body: { name: 'Christmas' } });
      expect(added).toEqual({ status: 201, body: { date: '2026-12-25', name: 'Christmas' } });
      const renamed = await call('PUT', `${path}/2026-12-25`, { body: { name: 'Xmas Day' } });
      expect(renamed).toEqual({ status: 200, body: { date: '2026-12-25', name: 'Xmas Day' } });
      await call('PUT', `${path}/2026-01-01`, { body: { name: 'New Year' } });
      expect((await call('GET', path)).body).toEqual([
        { date: '2026-01-01', name: 'New Year' },
        { date: '2026-12-25', name: 'Xmas Day' },
      ]);

      const notADate = await call('PUT', `${path}/2026-02-30`, { body: { name: 'Never' } });
      expect(notADate.status).toBe(400);
      expect(fieldsOf(notADate)).toEqual(['date']);
      const noName = await call('PUT', `${path}/2026-05-01`, { body: {} });
      expect(noName.status).toBe(400);
      expect(fieldsOf(noName)).toEqual(['name']);

      expect((await call('DELETE', `${path}/2026-12-25`)).status).toBe(204);
      expect((await call('DELETE', `${path}/2026-12-25`)).status).toBe(404);
      expect((await call('GET', path)).body).toEqual([{ date: '2026-01-01', name: 'New Year' }]);
      expect((await call('GET', `/v1/sla/calendars/${randomUUID()}/holidays`)).status).toBe(404);

      // Deleting the calendar takes its holidays with it.
      expect((await call('DELETE', `/v1/sla/calendars/${id}`)).status).toBe(204);
      expect(
        await query('SELECT 1 FROM sla_calendar_holidays WHERE calendar_id = $1', [id]),
      ).toEqual([]);
    });

    it('refuses a calendar with no open time, so no clock waits forever', async () => {
      const closedForGood = await call('POST', '/v1/sla/calendars', {
        body: {
          name: 'Closed',
          timeZone: 'UTC',
          weekly: weekdays,
          closures: [{ from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' }],
        },
      });
      expect(closedForGood.status).toBe(400);
      expect(closedForGood.body).toMatchObject({
        error: 'invalid_request',
        fields: [{ field: 'closures', problem: expect.stringContaining('no open time') }],
      });
      expect(await query('SELECT 1 FROM sla_calendars WHERE name = $1', ['Closed'])).toEqual([]);
    });

    it('answers 400 naming the field for an invalid zone or interval', async () => {
      const zone = await call('POST', '/v1/sla/calendars', {
        body: { name: 'Atlantis', timeZone: 'Europe/Atlantis', weekly: weekdays },
      });
      expect(zone.status).toBe(400);
      expect(fieldsOf(zone)).toEqual(['timeZone']);

      const interval = await call('POST', '/v1/sla/calendars', {
        body: { name: 'Bad', timeZone: 'UTC', weekly: [{ day: 8, start: '09:00', end: '9pm' }] },
      });
      expect(fieldsOf(interval)).toEqual(['weekly.0.day', 'weekly.0.end']);

      const id = await call('GET', '/v1/sla/calendars/not-a-uuid');
      expect(id.status).toBe(400);
      expect(fieldsOf(id)).toEqual(['calendarId']);
    });

    it('keeps calendar names unique in the tenant', async () => {
      await createCalendar('Support desk');
      const again = await call('POST', '/v1/sla/calendars', {
        body: { name: 'Support desk', timeZone: 'UTC', weekly: weekdays },
      });
      expect(again.status).toBe(409);
      expect(again.body.error).toBe('name_taken');
      // Another tenant has names of its own.
      const elsewhere = await call('POST', '/v1/sla/calendars', {
        key: otherTenantKey,
        body: { name: 'Support desk', timeZone: 'UTC', weekly: weekdays },
      });
      expect(elsewhere.status).toBe(201);
    });
  });

  describe('policies', () => {
    let calendarId: string;
    let policyId: string;
    /** What the VIP policy's first version stores. */
    const vipDefinition = () => ({
      match: { contactTiers: ['vip'], channels: ['email'] },
      calendarId,
      targets: {
        first_response: { seconds: 3600, businessHours: true },
        resolution: { seconds: 86_400, businessHours: false },
      },
      warnAtPercent: 80,
      pauseOn: ['pending'],
      escalations: {
        onWarning: [{ type: 'notify_supervisor', supervisorIds: ['lead'] }],
        onBreach: [{ type: 'raise_priority', priority: 9 }],
      },
    });
    const vip = () => ({ name: 'VIP', position: 10, ...vipDefinition() });

    beforeAll(async () => {
      calendarId = await createCalendar('Policy hours');
    });

    it('creates a policy at version 1, storing exactly its definition', async () => {
      const created = await call('POST', '/v1/sla/policies', { body: vip() });
      expect(created.status).toBe(201);
      const definition = vipDefinition();
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'VIP',
        position: 10,
        version: 1,
        definition,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      policyId = created.body.id;
      expect(
        await query(
          `SELECT p.current_version, v.version, v.definition FROM sla_policies p
             JOIN sla_policy_versions v ON v.policy_id = p.id WHERE p.id = $1`,
          [policyId],
        ),
      ).toEqual([{ current_version: 1, version: 1, definition }]);
      expect((await call('GET', `/v1/sla/policies/${policyId}`)).body).toEqual(created.body);
    });

    it('lists active policies in matching order', async () => {
      const first = await call('POST', '/v1/sla/policies', {
        body: {
          name: 'Everything else',
          position: 100,
          targets: { first_response: { seconds: 7200, businessHours: false } },
        },
      });
      const before = await call('POST', '/v1/sla/policies', {
        body: {
          name: 'Urgent',
          position: 1,
          match: { minPriority: 8 },
          targets: { first_response: { seconds: 300, businessHours: false } },
        },
      });
      expect([first.status, before.status]).toEqual([201, 201]);
      const listed = await call('GET', '/v1/sla/policies');
      expect(listed.status).toBe(200);
      expect(listed.body.map((policy: Json) => [policy.name, policy.version])).toEqual([
        ['Urgent', 1],
        ['VIP', 1],
        ['Everything else', 1],
      ]);
      expect(listed.body[2].definition).toEqual({
        match: {},
        calendarId: null,
        targets: { first_response: { seconds: 7200, businessHours: false } },
        warnAtPercent: null,
        pauseOn: [],
        escalations: { onWarning: [], onBreach: [] },
      });

      // Deleted: it stops matching, its versions stay.
      expect((await call('DELETE', `/v1/sla/policies/${first.body.id}`)).status).toBe(204);
      expect((await call('GET', `/v1/sla/policies/${first.body.id}`)).status).toBe(404);
      expect((await call('DELETE', `/v1/sla/policies/${first.body.id}`)).status).toBe(404);
      expect(
        (await call('GET', `/v1/sla/policies/${first.body.id}/versions/1`)).body,
      ).toMatchObject({ version: 1, current: false });
      expect((await call('GET', '/v1/sla/policies')).body.map((p: Json) => p.name)).toEqual([
        'Urgent',
        'VIP',
      ]);
      // Its name is free again among active policies.
      const reused = await call('POST', '/v1/sla/policies', {
        body: {
          name: 'Everything else',
          position: 100,
          targets: { resolution: { seconds: 60, businessHours: false } },
        },
      });
      expect(reused.status).toBe(201);
    });

    it('writes a new version on update; the old version still reads as it was', async () => {
      const changed = {
        ...vip(),
        name: 'VIP customers',
        position: 5,
        targets: { first_response: { seconds: 1800, businessHours: true } },
        warnAtPercent: null,
        escalations: { onWarning: [], onBreach: [] },
      };
      const updated = await call('PUT', `/v1/sla/policies/${policyId}`, { body: changed });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({
        id: policyId,
        name: 'VIP customers',
        position: 5,
        version: 2,
        definition: { targets: { first_response: { seconds: 1800 } }, warnAtPercent: null },
      });

      const first = await call('GET', `/v1/sla/policies/${policyId}/versions/1`);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        policyId,
        version: 1,
        current: false,
        definition: vipDefinition(),
        createdAt: expect.any(String),
      });
      expect((await call('GET', `/v1/sla/policies/${policyId}/versions/2`)).body).toMatchObject({
        version: 2,
        current: true,
        definition: updated.body.definition,
      });
      expect((await call('GET', `/v1/sla/policies/${policyId}/versions/3`)).status).toBe(404);
      const badVersion = await call('GET', `/v1/sla/policies/${policyId}/versions/latest`);
      expect(badVersion.status).toBe(400);
      expect(fieldsOf(badVersion)).toEqual(['version']);
      expect((await call('GET', `/v1/sla/policies/${policyId}`)).body.version).toBe(2);
    });

    it('gives concurrent updates distinct versions', async () => {
      const body = { ...vip(), name: 'VIP customers' };
      const replies = await Promise.all(
        [1, 2, 3].map(() => call('PUT', `/v1/sla/policies/${policyId}`, { body })),
      );
      expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200]);
      expect(replies.map((reply) => reply.body.version).sort()).toEqual([3, 4, 5]);
      expect(
        await query('SELECT version FROM sla_policy_versions WHERE policy_id = $1 ORDER BY 1', [
          policyId,
        ]),
      ).toEqual([1, 2, 3, 4, 5].map((version) => ({ version })));
    });

    it('refuses bad bodies naming the field, unknown calendars and taken names', async () => {
      const noCalendar = await call('POST', '/v1/sla/policies', {
        body: { ...vip(), name: 'No calendar', calendarId: null },
      });
      expect(noCalendar.status).toBe(400);
      expect(fieldsOf(noCalendar)).toEqual(['calendarId']);

      const unknownCalendar = await call('POST', '/v1/sla/policies', {
        body: { ...vip(), name: 'Unknown calendar', calendarId: randomUUID() },
      });
      expect(unknownCalendar.status).toBe(400);
      expect(unknownCalendar.body.fields).toEqual([
        { field: 'calendarId', problem: 'no such calendar' },
      ]);

      const badTarget = await call('POST', '/v1/sla/policies', {
        body: { ...vip(), targets: { resolution: { seconds: 0, businessHours: false } } },
      });
      expect(fieldsOf(badTarget)).toEqual(['targets.resolution.seconds']);

      const taken = await call('POST', '/v1/sla/policies', { body: { ...vip(), name: 'Urgent' } });
      expect(taken.status).toBe(409);
      expect(taken.body.error).toBe('name_taken');
      const renamedOntoAnother = await call('PUT', `/v1/sla/policies/${policyId}`, {
        body: { ...vip(), name: 'Urgent' },
      });
      expect(renamedOntoAnother.status).toBe(409);
    });

    it('refuses to delete a calendar an active policy counts in', async () => {
      const refused = await call('DELETE', `/v1/sla/calendars/${calendarId}`);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        error: 'calendar_in_use',
        message: expect.stringContaining('policy VIP customers counts in it'),
      });
      expect((await call('GET', `/v1/sla/calendars/${calendarId}`)).status).toBe(200);
    });

    it("shows another tenant's key none of it", async () => {
      const other = { key: otherTenantKey };
      expect((await call('GET', `/v1/sla/policies/${policyId}`, other)).status).toBe(404);
      expect((await call('GET', `/v1/sla/policies/${policyId}/versions/1`, other)).status).toBe(
        404,
      );
      expect(
        (await call('PUT', `/v1/sla/policies/${policyId}`, { ...other, body: vip() })).status,
      ).toBe(404);
      expect((await call('DELETE', `/v1/sla/policies/${policyId}`, other)).status).toBe(404);
      expect((await call('GET', `/v1/sla/calendars/${calendarId}`, other)).status).toBe(404);
      expect(
        (
          await call('PUT', `/v1/sla/calendars/${calendarId}/holidays/2026-12-25`, {
            ...other,
            body: { name: 'Mine now' },
          })
        ).status,
      ).toBe(404);
      expect((await call('DELETE', `/v1/sla/calendars/${calendarId}`, other)).status).toBe(404);
      expect((await call('GET', '/v1/sla/policies', other)).body).toEqual([]);
      // Its calendar is not the other tenant's to use either.
      const borrowed = await call('POST', '/v1/sla/policies', { ...other, body: vip() });
      expect(borrowed.status).toBe(400);
      expect(fieldsOf(borrowed)).toEqual(['calendarId']);
      expect((await call('GET', `/v1/sla/policies/${policyId}`)).status).toBe(200);
    });
  });

  describe("a conversation's clocks", () => {
    let policyId: string;
    let calendarId: string;

    beforeAll(async () => {
      calendarId = await createCalendar('Always open', allWeek);
      const policy = await call('POST', '/v1/sla/policies', {
        body: {
          name: 'Clocked',
          position: 50,
          calendarId,
          targets: {
            first_response: { seconds: 600, businessHours: false },
            resolution: { seconds: 3600, businessHours: true },
          },
          warnAtPercent: 50,
        },
      });
      expect(policy.status).toBe(201);
      policyId = policy.body.id;
    });

    /** A conversation and clocks as the SLA service writes them. */
    const seed = async (conversationId: string, startedAt: Date): Promise<void> => {
      await query(
        `INSERT INTO sla_conversations
           (conversation_id, tenant_id, cycle, status, policy_id, policy_version, cycle_started_at)
         VALUES ($1, $2, 2, 'open', $3, 1, $4)`,
        [conversationId, tenantId, policyId, startedAt],
      );
      const insert = `INSERT INTO sla_clocks
          (id, tenant_id, conversation_id, metric, cycle, ordinal, policy_id, policy_version,
           target_seconds, business_hours, calendar_id, warn_at_percent, status, paused_by,
           started_at, consumed_seconds, running_since, due_at, warn_at, warned_at, breached_at,
           ended_at, next_fire_at)
        VALUES ($1, $2, $3, $4, $5, 1, $6, 1, $7, $8, $9, 50, $10, NULL, $11, $12, $13, $14,
                NULL, NULL, $15, $16, $17)`;
      const at = (seconds: number) => new Date(startedAt.getTime() + seconds * 1000);
      // Cycle 1's first response, met 700 s in: 100 s over its 600 s target.
      await query(insert, [
        randomUUID(),
        tenantId,
        conversationId,
        'first_response',
        1,
        policyId,
        600,
        false,
        null,
        'met',
        at(-7200),
        700,
        null,
        at(-6600),
        at(-6600),
        at(-6500),
        null,
      ]);
      // Cycle 2: a running first response and a business-hours resolution clock.
      await query(insert, [
        randomUUID(),
        tenantId,
        conversationId,
        'first_response',
        2,
        policyId,
        600,
        false,
        null,
        'running',
        startedAt,
        0,
        startedAt,
        at(600),
        null,
        null,
        at(300),
      ]);
      await query(insert, [
        randomUUID(),
        tenantId,
        conversationId,
        'resolution',
        2,
        policyId,
        3600,
        true,
        calendarId,
        'running',
        startedAt,
        0,
        startedAt,
        at(3600),
        null,
        null,
        at(1800),
      ]);
    };

    it('answers 404 for a conversation the SLA service has not seen', async () => {
      const unknown = await call('GET', `/v1/sla/conversations/${randomUUID()}/clocks`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toBe('unknown_conversation');
      const bad = await call('GET', '/v1/sla/conversations/42/clocks');
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad)).toEqual(['conversationId']);
    });

    it('shows every clock, newest cycle first, with remaining seconds counting down', async () => {
      const conversationId = randomUUID();
      const startedAt = new Date(Date.now() - 60_000);
      await seed(conversationId, startedAt);

      const first = await call('GET', `/v1/sla/conversations/${conversationId}/clocks`);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        conversationId,
        cycle: 2,
        status: 'open',
        policyId,
        policyVersion: 1,
        asOf: expect.any(String),
      });
      expect(
        first.body.clocks.map((clock: Json) => [clock.cycle, clock.metric, clock.status]),
      ).toEqual([
        [2, 'first_response', 'running'],
        [2, 'resolution', 'running'],
        [1, 'first_response', 'met'],
      ]);
      const [response, resolution, met] = first.body.clocks;
      expect(response).toEqual({
        id: expect.any(String),
        metric: 'first_response',
        cycle: 2,
        ordinal: 1,
        policyId,
        policyVersion: 1,
        targetSeconds: 600,
        businessHours: false,
        status: 'running',
        pausedBy: null,
        startedAt: startedAt.toISOString(),
        dueAt: new Date(startedAt.getTime() + 600_000).toISOString(),
        warnedAt: null,
        breachedAt: null,
        endedAt: null,
        remainingSeconds: expect.any(Number),
        overdueSeconds: 0,
      });
      const elapsed = (Date.parse(first.body.asOf) - startedAt.getTime()) / 1000;
      expect(response.remainingSeconds).toBeCloseTo(600 - elapsed, 2);
      expect(resolution).toMatchObject({ businessHours: true, overdueSeconds: 0 });
      expect(resolution.remainingSeconds).toBeCloseTo(3600 - elapsed, 2);
      expect(met).toMatchObject({ remainingSeconds: 0, overdueSeconds: 100 });
      expect(met.breachedAt).not.toBeNull();

      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const later = await call('GET', `/v1/sla/conversations/${conversationId}/clocks`);
      const [laterResponse, laterResolution, laterMet] = later.body.clocks;
      expect(laterResponse.remainingSeconds).toBeLessThan(response.remainingSeconds - 1);
      expect(laterResolution.remainingSeconds).toBeLessThan(resolution.remainingSeconds - 1);
      expect(laterMet).toEqual(met);

      // Another tenant's key: not found.
      expect(
        (
          await call('GET', `/v1/sla/conversations/${conversationId}/clocks`, {
            key: otherTenantKey,
          })
        ).status,
      ).toBe(404);
    });

    it('refuses to delete a calendar clocks were counted in, even once no policy names it', async () => {
      expect((await call('DELETE', `/v1/sla/policies/${policyId}`)).status).toBe(204);
      const refused = await call('DELETE', `/v1/sla/calendars/${calendarId}`);
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/open conversation is bound.*1 clock was counted in it/);
    });
  });

  it('needs the API key on every route but the OpenAPI document', async () => {
    expect((await call('GET', '/v1/sla/policies', { key: null })).status).toBe(401);
    expect((await call('GET', '/v1/sla/calendars', { key: 'sb_wrong' })).status).toBe(401);
    const document = await call('GET', '/v1/sla/openapi.json', { key: null });
    expect(document.status).toBe(200);
    expect(document.body).toMatchObject({
      openapi: '3.1.0',
      info: { title: 'Switchboard SLA API' },
    });
    expect(Object.keys(document.body.paths)).toContain(
      '/v1/sla/conversations/{conversationId}/clocks',
    );
  });
});
