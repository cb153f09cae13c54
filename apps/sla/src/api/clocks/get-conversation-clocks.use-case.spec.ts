import type { BusinessCalendar } from '@switchboard/sla';
import type { Clock } from '../../clock';
import type { ClockRow } from '../../clocks/clock-rows';
import { SlaApiErrorCode } from '../shared/sla-api.exception';
import type { ConversationClocksRepository } from './conversation-clocks.repository';
import {
  conversationClocksQuery,
  GetConversationClocksUseCase,
} from './get-conversation-clocks.use-case';

const tenantId = '5f0c6a8e-7d2b-4a53-9a53-0a3b9a1d2c11';
const conversationId = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const calendarId = '9b1f1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4';
const policyId = '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f';
const monday9 = Date.UTC(2026, 10, 23, 9, 0, 0);

const row = (change: Partial<ClockRow>): ClockRow => ({
  id: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
  tenant_id: tenantId,
  conversation_id: conversationId,
  metric: 'first_response',
  cycle: 1,
  ordinal: 1,
  policy_id: policyId,
  policy_version: 1,
  target_seconds: 3600,
  business_hours: false,
  calendar_id: null,
  warn_at_percent: null,
  status: 'running',
  paused_by: null,
  started_at: new Date(monday9),
  consumed_seconds: 0,
  running_since: new Date(monday9),
  due_at: new Date(monday9 + 3_600_000),
  warn_at: null,
  warned_at: null,
  breached_at: null,
  ended_at: null,
  next_fire_at: new Date(monday9 + 3_600_000),
  ...change,
});

/** Open 09:00–10:00 UTC on weekdays: an hour of business time a day. */
const oneHourADay: BusinessCalendar = {
  timeZone: 'UTC',
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '10:00' })),
};

function useCase(rows: ClockRow[], now: number, known = true) {
  const store = {
    conversation: async () =>
      known ? { conversationId, cycle: 2, status: 'open', policyId, policyVersion: 1 } : null,
    clocks: async () => rows,
    calendars: async (_tenant: string, ids: ReadonlySet<string>) =>
      new Map([...ids].map((id) => [id, oneHourADay])),
  } as unknown as ConversationClocksRepository;
  const clock = { now: () => now } as Clock;
  return new GetConversationClocksUseCase(store, clock);
}

describe('GetConversationClocksUseCase', () => {
  const query = conversationClocksQuery({ tenantId, conversationId });

  it('computes where each clock stands at the moment of asking', async () => {
    const result = await useCase(
      [
        row({ id: '11111111-1111-4111-8111-111111111111', cycle: 2 }),
        // A business-hours clock: the hour after 10:00 is closed, so only 60 minutes count.
        row({
          id: '22222222-2222-4222-8222-222222222222',
          cycle: 2,
          metric: 'resolution',
          target_seconds: 7200,
          business_hours: true,
          calendar_id: calendarId,
        }),
        // Met in cycle 1, 10 minutes late: its standing no longer moves.
        row({
          id: '33333333-3333-4333-8333-333333333333',
          status: 'met',
          consumed_seconds: 4200,
          running_since: null,
          breached_at: new Date(monday9 + 3_600_000),
          ended_at: new Date(monday9 + 4_200_000),
          next_fire_at: null,
        }),
      ],
      monday9 + 2 * 3_600_000,
    ).execute(query);

    expect(result.asOf).toBe(monday9 + 2 * 3_600_000);
    expect(result.conversation).toMatchObject({ cycle: 2, policyId, policyVersion: 1 });
    expect(
      result.clocks.map(({ metric, cycle, remainingSeconds, overdueSeconds }) => ({
        metric,
        cycle,
        remainingSeconds,
        overdueSeconds,
      })),
    ).toEqual([
      { metric: 'first_response', cycle: 2, remainingSeconds: 0, overdueSeconds: 3600 },
      { metric: 'resolution', cycle: 2, remainingSeconds: 3600, overdueSeconds: 0 },
      { metric: 'first_response', cycle: 1, remainingSeconds: 0, overdueSeconds: 600 },
    ]);
    expect(result.clocks[2]).toMatchObject({
      status: 'met',
      breachedAt: monday9 + 3_600_000,
      endedAt: monday9 + 4_200_000,
      businessHours: false,
    });
  });

  it('keeps a paused clock where it stopped', async () => {
    const paused = row({
      status: 'paused',
      paused_by: 'pending',
      consumed_seconds: 1234.5,
      running_since: null,
      due_at: null,
      next_fire_at: null,
    });
    const [clock] = (await useCase([paused], monday9 + 86_400_000).execute(query)).clocks;
    expect(clock).toMatchObject({ pausedBy: 'pending', remainingSeconds: 2365.5, dueAt: null });
  });

  it('does not know a conversation the SLA service has not seen', async () => {
    await expect(useCase([], monday9, false).execute(query)).rejects.toMatchObject({
      code: SlaApiErrorCode.UnknownConversation,
    });
  });
});
