import { createEnvelope, type AnyEnvelope, type SlaEscalationAction } from '@switchboard/contracts';
import type { RoutingCommandPublisher } from '../commands/routing-command.publisher';
import { commandIdFor } from './command-id';
import { SlaIntakeHandler, slaRoutingCommands } from './sla-intake.handler';

const tenantId = '5f0c6a8e-7d2b-4a53-9a53-0a3b9a1d2c11';
const conversationId = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const clock = {
  clockId: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  conversationId,
  metric: 'first_response' as const,
  policyId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  policyVersion: 1,
  targetSeconds: 600,
  businessHours: false,
  dueAt: '2025-01-06T09:10:00.000Z',
  remainingSeconds: 0,
  overdueSeconds: 5,
  conversationDueAt: '2025-01-06T09:10:00.000Z',
  at: '2025-01-06T09:10:05.000Z',
};

function breached(escalations: SlaEscalationAction[]): AnyEnvelope {
  return createEnvelope(
    'sla.breached',
    { ...clock, lateByMs: 0, escalations },
    { tenantId, correlationId: 'corr-1' },
  );
}

describe('slaRoutingCommands', () => {
  it('sets the conversation’s due time on every clock change, null when no clock runs', () => {
    const started = createEnvelope('sla.started', clock, { tenantId, correlationId: 'c' });
    const met = createEnvelope(
      'sla.met',
      { ...clock, conversationDueAt: null, breached: false },
      { tenantId, correlationId: 'c' },
    );

    expect(slaRoutingCommands(started)).toEqual([
      {
        part: 'sla_due',
        type: 'routing.sla_due_changed',
        data: { conversationId, dueAt: clock.conversationDueAt },
      },
    ]);
    expect(slaRoutingCommands(met)).toEqual([
      { part: 'sla_due', type: 'routing.sla_due_changed', data: { conversationId, dueAt: null } },
    ]);
  });

  it('turns escalations into a raised priority, then a move; supervisors are not routing’s', () => {
    const commands = slaRoutingCommands(
      breached([
        { type: 'move_to_queue', queueId: 'escalations' },
        { type: 'notify_supervisor', supervisorIds: [] },
        { type: 'raise_priority', priority: 9 },
      ]),
    );

    expect(commands.map((c) => [c.part, c.type, c.data])).toEqual([
      ['sla_due', 'routing.sla_due_changed', { conversationId, dueAt: clock.conversationDueAt }],
      ['escalation:2', 'routing.priority_raised', { conversationId, priority: 9 }],
      [
        'escalation:0',
        'routing.transfer_requested',
        { conversationId, toAgentId: null, toQueueId: 'escalations' },
      ],
    ]);
  });

  it('ignores events that are not SLA events', () => {
    const resolved = createEnvelope(
      'routing.work_ended',
      { conversationId, reason: 'resolved', at: clock.at },
      { tenantId, correlationId: 'c' },
    );
    expect(slaRoutingCommands(resolved)).toEqual([]);
  });
});

describe('SlaIntakeHandler', () => {
  it('sends tenant-keyed commands, in order, with ids a redelivery reproduces', async () => {
    const sent: { tenant: string; type: string; id: string; causationId: string | null }[] = [];
    const publisher = {
      send: async (
        tenant: string,
        type: string,
        _data: unknown,
        options: { id: string; causationId: string | null },
      ) => {
        sent.push({ tenant, type, id: options.id, causationId: options.causationId });
        return options.id;
      },
    } as unknown as RoutingCommandPublisher;
    const handler = new SlaIntakeHandler(publisher);
    const event = breached([
      { type: 'raise_priority', priority: 5 },
      { type: 'move_to_queue', queueId: 'escalations' },
    ]);

    await handler.handle(event);
    await handler.handle(event);

    const first = sent.slice(0, 3);
    expect(first.map((s) => s.type)).toEqual([
      'routing.sla_due_changed',
      'routing.priority_raised',
      'routing.transfer_requested',
    ]);
    expect(first.every((s) => s.tenant === tenantId && s.causationId === event.id)).toBe(true);
    expect(new Set(first.map((s) => s.id)).size).toBe(3);
    expect(sent.slice(3)).toEqual(first);
  });
});

describe('commandIdFor', () => {
  it('keeps the ids it derived from an event id alone, and derives a distinct id per part', () => {
    const eventId = '0b6f3c52-8f0e-4c5e-9d55-1f1e7a0c2b11';

    expect(commandIdFor(eventId)).toBe('9d7a529d-6f7c-86e3-a9f9-316d6097fee6');
    expect(commandIdFor(eventId, 'sla_due')).toBe(commandIdFor(eventId, 'sla_due'));
    expect(commandIdFor(eventId, 'sla_due')).not.toBe(commandIdFor(eventId));
    expect(commandIdFor(eventId, 'escalation:0')).not.toBe(commandIdFor(eventId, 'escalation:1'));
    expect(commandIdFor(eventId, 'escalation:0')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
