import type { WorkSnapshot } from '@switchboard/routing';
import { conversationResponse, explainResponse, liveExplanation } from './routing.responses';

const at = Date.UTC(2026, 10, 22, 12, 0, 0);
const iso = (ms: number): string => new Date(ms).toISOString();

const snapshot: WorkSnapshot = {
  conversationId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  contactId: '5f0c6a8e-7d2b-4a53-9a53-0a3b9a1d2c11',
  channel: 'email',
  queueId: 'billing',
  ruleId: 'vip',
  priority: 5,
  skills: [],
  language: null,
  slaDueAt: at + 600_000,
  waitingSince: at,
  queueEnteredAt: at,
  ring: 1,
  visitedQueues: ['billing'],
  state: 'offered',
  agentId: 'ada',
  offerId: '9b1f1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4',
  offerExpiresAt: at + 30_000,
  explanation: null,
  declinedBy: [],
  reservedFor: null,
  reservedUntil: null,
  reservedBecause: null,
};

describe('conversationResponse', () => {
  it('shows where the conversation is, instants in ISO 8601', () => {
    expect(conversationResponse({ snapshot, updatedAt: new Date(at + 5) })).toEqual({
      conversationId: snapshot.conversationId,
      contactId: snapshot.contactId,
      channel: 'email',
      state: 'offered',
      queueId: 'billing',
      agentId: 'ada',
      offerExpiresAt: iso(at + 30_000),
      ring: 1,
      priority: 5,
      slaDueAt: iso(at + 600_000),
      ruleId: 'vip',
      waitingSince: iso(at),
      updatedAt: iso(at + 5),
    });
  });

  it('shows no offer expiry once the offer is no longer pending', () => {
    const assigned = { ...snapshot, state: 'assigned' as const };
    expect(
      conversationResponse({ snapshot: assigned, updatedAt: new Date(at) }).offerExpiresAt,
    ).toBeNull();
  });

  it('shows no SLA due time when no clock runs', () => {
    expect(
      conversationResponse({ snapshot: { ...snapshot, slaDueAt: null }, updatedAt: new Date(at) })
        .slaDueAt,
    ).toBeNull();
  });
});

describe('explainResponse', () => {
  it('turns the engine’s instants into ISO 8601 and keeps the history in order', () => {
    const decision = {
      type: 'queued' as const,
      conversationId: snapshot.conversationId,
      queueId: 'billing',
      ring: 0,
      reason: 'new' as const,
      priority: 0,
      channel: 'api',
      at,
    };
    const response = explainResponse({
      live: {
        conversationId: snapshot.conversationId,
        state: 'waiting',
        queueId: 'billing',
        ruleId: null,
        priority: 0,
        ring: 0,
        requirements: [{ skill: 'billing', minLevel: 3 }],
        waitingSince: at,
        nextWideningAt: at + 60_000,
        reservedFor: null,
        reservedBecause: null,
        agentsConsidered: 0,
        ineligible: {
          offline: 0,
          away: 0,
          disconnected: 0,
          missing_skill: 0,
          no_capacity: 0,
          declined: 0,
        },
        examples: [],
        summary: 'no eligible agent has capacity (no agents)',
      },
      history: [{ type: 'queued', at: new Date(at), decision }],
    });
    expect(response.live).toMatchObject({
      state: 'waiting',
      waitingSince: iso(at),
      nextWideningAt: iso(at + 60_000),
    });
    expect(response.history).toEqual([{ type: 'queued', at: iso(at), decision }]);
  });

  it('shows an auto-accepted assignment without an expiry', () => {
    expect(
      liveExplanation({
        conversationId: snapshot.conversationId,
        state: 'assigned',
        agentId: 'ada',
        queueId: 'billing',
        offerExpiresAt: null,
        why: null,
      }),
    ).toMatchObject({ state: 'assigned', offerExpiresAt: null });
  });
});
