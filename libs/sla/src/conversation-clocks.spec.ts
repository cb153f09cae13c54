import fc from 'fast-check';
import type { SlaMetric } from '@switchboard/contracts';
import type { BusinessCalendar } from './business-hours';
import {
  ConversationClocks,
  newConversationSlaState,
  type ClockEvent,
  type ConversationSlaState,
  type SlaClock,
} from './conversation-clocks';
import type { SlaPolicy, SlaPolicyDefinition, SlaTarget } from './sla-policy';

const MINUTE = 60_000;
const at = (iso: string) => Date.parse(iso);
// Friday 6 March 2026, 09:00 in New York; m(n) is n minutes later.
const T0 = at('2026-03-06T09:00:00-05:00');
const m = (minutes: number) => T0 + minutes * MINUTE;

const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
};

const minutes = (n: number, businessHours = false): SlaTarget => ({
  seconds: n * 60,
  businessHours,
});

/** First response 1 h, next response 2 h, periodic update 4 h, resolution 8 h; warn at 75%. */
const policy = (definition: Partial<SlaPolicyDefinition> = {}, version = 1): SlaPolicy => ({
  id: 'policy-standard',
  version,
  position: 1,
  definition: {
    match: {},
    calendarId: 'new-york',
    targets: {
      first_response: minutes(60),
      next_response: minutes(120),
      periodic_update: minutes(240),
      resolution: minutes(480),
    },
    warnAtPercent: 75,
    pauseOn: ['pending'],
    escalations: { onWarning: [], onBreach: [] },
    ...definition,
  },
});

function conversation(
  state: ConversationSlaState = newConversationSlaState(),
  clocks: readonly SlaClock[] = [],
  firstId = 1,
): ConversationClocks {
  let next = firstId;
  return new ConversationClocks(
    state,
    clocks,
    () => `clock-${next++}`,
    (calendarId) => (calendarId === 'new-york' ? newYork : null),
  );
}

/** An event as [type, metric, at] (+ the firing's dueAt and lateByMs, or the pause status). */
const brief = (event: ClockEvent): unknown[] => {
  const head = [event.type, event.clock.metric, event.at];
  if (event.type === 'warning' || event.type === 'breached')
    return [...head, event.firing.dueAt, event.firing.lateByMs];
  if (event.type === 'paused') return [...head, event.status];
  return head;
};

/** The events one step emits. */
function step(clocks: ConversationClocks, action: () => void): unknown[][] {
  const before = clocks.events.length;
  action();
  return clocks.events.slice(before).map(brief);
}

const clockOf = (clocks: ConversationClocks, metric: SlaMetric, ordinal = 1): SlaClock => {
  const found = clocks.changed.filter((c) => c.metric === metric && c.ordinal === ordinal);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('ConversationClocks', () => {
  it('follows a conversation’s whole life', () => {
    const clocks = conversation();

    // The customer writes; no policy yet, so no clocks.
    expect(step(clocks, () => clocks.customerMessage(m(0)))).toEqual([]);
    expect(clocks.state).toEqual<ConversationSlaState>({
      cycle: 1,
      status: 'open',
      policy: null,
      policyJudged: false,
      awaitingSince: m(0),
      agentReplied: false,
      cycleStartedAt: m(0),
      nextCycle: null,
    });
    expect(clocks.dueAt).toBeNull();

    // The router queues it two minutes later: clocks count from the message.
    const bound = policy();
    expect(step(clocks, () => clocks.bindPolicy(bound, m(2)))).toEqual([
      ['started', 'resolution', m(2)],
      ['started', 'first_response', m(2)],
    ]);
    expect(clockOf(clocks, 'first_response')).toMatchObject({
      id: 'clock-2',
      cycle: 1,
      ordinal: 1,
      policyId: 'policy-standard',
      policyVersion: 1,
      calendarId: null,
      timing: { targetSeconds: 3600, calendar: null, warnAtPercent: 75 },
      state: { status: 'running', startedAt: m(0), dueAt: m(60), warnAt: m(45) },
    });
    expect(clockOf(clocks, 'resolution').state).toMatchObject({
      startedAt: m(0),
      dueAt: m(480),
      warnAt: m(360),
    });
    expect(clocks.dueAt).toBe(m(60));

    // An agent replies at 50 min: the 45-min warning fires first, then the reply meets the
    // first response and starts the periodic update.
    expect(step(clocks, () => clocks.agentReply(m(50)))).toEqual([
      ['warning', 'first_response', m(50), m(45), 5 * MINUTE],
      ['met', 'first_response', m(50)],
      ['started', 'periodic_update', m(50)],
    ]);
    expect(clockOf(clocks, 'first_response').state).toMatchObject({
      status: 'met',
      consumedSeconds: 50 * 60,
      warnedAt: m(50),
      breachedAt: null,
      endedAt: m(50),
    });
    expect(clockOf(clocks, 'periodic_update').state).toMatchObject({
      startedAt: m(50),
      dueAt: m(290),
      warnAt: m(230),
    });
    expect(clocks.state).toMatchObject({ awaitingSince: null, agentReplied: true });
    expect(clocks.dueAt).toBe(m(290));

    // The customer writes again: a next response.
    expect(step(clocks, () => clocks.customerMessage(m(70)))).toEqual([
      ['started', 'next_response', m(70)],
    ]);
    expect(clockOf(clocks, 'next_response').state).toMatchObject({
      startedAt: m(70),
      dueAt: m(190),
      warnAt: m(160),
    });
    expect(clocks.dueAt).toBe(m(190));

    // Pending (the policy pauses on it) stops every running clock.
    expect(step(clocks, () => clocks.statusChanged('pending', m(80)))).toEqual([
      ['paused', 'resolution', m(80), 'pending'],
      ['paused', 'periodic_update', m(80), 'pending'],
      ['paused', 'next_response', m(80), 'pending'],
    ]);
    expect(clocks.dueAt).toBeNull();
    expect(clockOf(clocks, 'resolution').state.consumedSeconds).toBe(80 * 60);
    expect(clockOf(clocks, 'periodic_update').state.consumedSeconds).toBe(30 * 60);
    expect(clockOf(clocks, 'next_response').state.consumedSeconds).toBe(10 * 60);

    // Open again two hours later: each resumes with what it had left.
    expect(step(clocks, () => clocks.statusChanged('open', m(200)))).toEqual([
      ['resumed', 'resolution', m(200)],
      ['resumed', 'periodic_update', m(200)],
      ['resumed', 'next_response', m(200)],
    ]);
    expect(clockOf(clocks, 'resolution').state).toMatchObject({ dueAt: m(600), warnAt: m(480) });
    expect(clockOf(clocks, 'periodic_update').state).toMatchObject({
      dueAt: m(410),
      warnAt: m(350),
    });
    expect(clockOf(clocks, 'next_response').state).toMatchObject({
      dueAt: m(310),
      warnAt: m(280),
    });
    expect(clocks.dueAt).toBe(m(310));

    // Resolved: meets the resolution, stops the others (the next response warns first).
    expect(step(clocks, () => clocks.resolved(m(300)))).toEqual([
      ['met', 'resolution', m(300)],
      ['stopped', 'periodic_update', m(300)],
      ['warning', 'next_response', m(300), m(280), 20 * MINUTE],
      ['stopped', 'next_response', m(300)],
    ]);
    expect(clockOf(clocks, 'resolution').state).toMatchObject({
      status: 'met',
      consumedSeconds: 180 * 60,
      breachedAt: null,
    });
    expect(clocks.state).toMatchObject({ status: 'resolved', awaitingSince: null });
    expect(clocks.dueAt).toBeNull();

    expect(clocks.changed.map((c) => [c.id, c.metric, c.state.status])).toEqual([
      ['clock-1', 'resolution', 'met'],
      ['clock-2', 'first_response', 'met'],
      ['clock-3', 'periodic_update', 'stopped'],
      ['clock-4', 'next_response', 'stopped'],
    ]);
    expect(clocks.changed.every((c) => clocks.isCreated(c.id))).toBe(true);
  });

  it('starts the clocks at the customer’s message when the policy is bound later', () => {
    const clocks = conversation();
    clocks.customerMessage(m(0));
    clocks.customerMessage(m(5)); // the wait counts from the oldest unanswered message
    expect(clocks.state.awaitingSince).toBe(m(0));
    clocks.bindPolicy(policy(), m(20));
    expect(clockOf(clocks, 'first_response').state).toMatchObject({
      startedAt: m(0),
      dueAt: m(60),
    });
    expect(clockOf(clocks, 'resolution').state.startedAt).toBe(m(0));
    expect(clocks.events.map(brief)).toEqual([
      ['started', 'resolution', m(20)],
      ['started', 'first_response', m(20)],
    ]);
  });

  it('fires at once what fell due before a late binding', () => {
    const clocks = conversation();
    clocks.customerMessage(m(0));
    expect(step(clocks, () => clocks.bindPolicy(policy(), m(70)))).toEqual([
      ['started', 'resolution', m(70)],
      ['started', 'first_response', m(70)],
      ['warning', 'first_response', m(70), m(45), 25 * MINUTE],
      ['breached', 'first_response', m(70), m(60), 10 * MINUTE],
    ]);
    // A breached running clock's due time is in the past: the router serves it first.
    expect(clocks.dueAt).toBe(m(60));
    expect(step(clocks, () => clocks.agentReply(m(90)))).toEqual([
      ['met', 'first_response', m(90)],
      ['started', 'periodic_update', m(90)],
    ]);
    expect(clockOf(clocks, 'first_response').state).toMatchObject({
      status: 'met',
      breachedAt: m(60),
      consumedSeconds: 90 * 60,
    });
  });

  it('judges the first queueing of a cycle only: no policy then means none for the cycle', () => {
    const bound = conversation();
    bound.customerMessage(m(0));
    bound.bindPolicy(policy({}, 3), m(2));
    expect(step(bound, () => bound.bindPolicy(policy({}, 4), m(3)))).toEqual([]);
    expect(bound.state.policy?.version).toBe(3);
    expect(bound.changed.map((c) => c.policyVersion)).toEqual([3, 3]);

    const unmatched = conversation();
    unmatched.customerMessage(m(0));
    unmatched.bindPolicy(null, m(1));
    expect(unmatched.state).toMatchObject({ policy: null, policyJudged: true });
    expect(step(unmatched, () => unmatched.customerMessage(m(5)))).toEqual([]);
    expect(unmatched.changed).toEqual([]);
  });

  it('starts only the resolution when bound after the agent already replied', () => {
    const clocks = conversation();
    clocks.customerMessage(m(0));
    expect(step(clocks, () => clocks.agentReply(m(10)))).toEqual([]);
    expect(step(clocks, () => clocks.bindPolicy(policy(), m(12)))).toEqual([
      ['started', 'resolution', m(12)],
    ]);
    expect(clockOf(clocks, 'resolution').state.startedAt).toBe(m(0));
  });

  it('starts a next response for each customer message after a reply, one at a time', () => {
    const clocks = conversation();
    clocks.customerMessage(m(0));
    clocks.bindPolicy(policy(), m(0));
    clocks.agentReply(m(10));
    clocks.customerMessage(m(20));
    expect(step(clocks, () => clocks.customerMessage(m(25)))).toEqual([]);
    expect(step(clocks, () => clocks.agentReply(m(30)))).toEqual([
      ['met', 'periodic_update', m(30)],
      ['met', 'next_response', m(30)],
      ['started', 'periodic_update', m(30)],
    ]);
    expect(step(clocks, () => clocks.customerMessage(m(40)))).toEqual([
      ['started', 'next_response', m(40)],
    ]);
    expect(clockOf(clocks, 'next_response', 1).state).toMatchObject({
      status: 'met',
      startedAt: m(20),
      consumedSeconds: 600,
    });
    expect(clockOf(clocks, 'next_response', 2).state).toMatchObject({
      status: 'running',
      startedAt: m(40),
      dueAt: m(160),
    });
    expect(clockOf(clocks, 'periodic_update', 2).state.dueAt).toBe(m(270));
    // Only one first response and one resolution per cycle.
    expect(clocks.changed.filter((c) => c.metric === 'first_response')).toHaveLength(1);
    expect(clocks.changed.filter((c) => c.metric === 'resolution')).toHaveLength(1);
  });

  it('restarts the periodic update on a reply nobody waited for', () => {
    const clocks = conversation();
    clocks.customerMessage(m(0));
    clocks.bindPolicy(policy(), m(0));
    clocks.agentReply(m(10));
    expect(step(clocks, () => clocks.agentReply(m(100)))).toEqual([
      ['met', 'periodic_update', m(100)],
      ['started', 'periodic_update', m(100)],
    ]);
    expect(clockOf(clocks, 'periodic_update', 2).state.dueAt).toBe(m(340));
  });

  it('starts no clock for a target the policy does not set', () => {
    const clocks = conversation();
    clocks.customerMessage(m(0));
    clocks.bindPolicy(policy({ targets: { resolution: minutes(480) } }), m(1));
    clocks.agentReply(m(10));
    clocks.customerMessage(m(20));
    clocks.agentReply(m(30));
    clocks.resolved(m(40));
    expect(clocks.events.map(brief)).toEqual([
      ['started', 'resolution', m(1)],
      ['met', 'resolution', m(40)],
    ]);

    const responsesOnly = conversation();
    responsesOnly.customerMessage(m(0));
    responsesOnly.bindPolicy(policy({ targets: { first_response: minutes(60) } }), m(1));
    responsesOnly.agentReply(m(10));
    responsesOnly.customerMessage(m(20));
    responsesOnly.resolved(m(40));
    expect(responsesOnly.events.map(brief)).toEqual([
      ['started', 'first_response', m(1)],
      ['met', 'first_response', m(10)],
    ]);
  });

  it('counts business-hours targets in the policy’s calendar, others in calendar time', () => {
    const clocks = conversation();
    const friday = at('2026-11-20T18:00:00-05:00');
    clocks.customerMessage(friday);
    clocks.bindPolicy(
      policy({
        targets: { first_response: minutes(240, true), resolution: minutes(24 * 60) },
      }),
      friday + MINUTE,
    );
    const firstResponse = clockOf(clocks, 'first_response');
    expect(firstResponse.calendarId).toBe('new-york');
    expect(firstResponse.timing.calendar).toBe(newYork);
    expect(firstResponse.state.dueAt).toBe(at('2026-11-23T13:00:00-05:00'));
    expect(firstResponse.state.warnAt).toBe(at('2026-11-23T12:00:00-05:00'));
    const resolution = clockOf(clocks, 'resolution');
    expect(resolution.calendarId).toBeNull();
    expect(resolution.state.dueAt).toBe(at('2026-11-21T18:00:00-05:00'));
    // The earliest running due time: Saturday's resolution before Monday's first response.
    expect(clocks.dueAt).toBe(at('2026-11-21T18:00:00-05:00'));
  });

  it('counts calendar time when the policy’s calendar is unknown', () => {
    const clocks = conversation();
    clocks.customerMessage(m(0));
    clocks.bindPolicy(
      policy({ calendarId: 'removed', targets: { first_response: minutes(60, true) } }),
      m(0),
    );
    expect(clockOf(clocks, 'first_response')).toMatchObject({
      calendarId: null,
      timing: { calendar: null },
      state: { dueAt: m(60) },
    });
  });

  it('keeps counting while pending when the policy does not pause on it', () => {
    const clocks = conversation();
    clocks.customerMessage(m(0));
    clocks.bindPolicy(policy({ pauseOn: ['snoozed'] }), m(0));
    expect(step(clocks, () => clocks.statusChanged('pending', m(10)))).toEqual([]);
    expect(clocks.state.status).toBe('pending');
    expect(clocks.dueAt).toBe(m(60));
    expect(step(clocks, () => clocks.statusChanged('snoozed', m(20)))).toEqual([
      ['paused', 'resolution', m(20), 'snoozed'],
      ['paused', 'first_response', m(20), 'snoozed'],
    ]);
    // From snoozed to pending, which does not pause: the clocks run again.
    expect(step(clocks, () => clocks.statusChanged('pending', m(50)))).toEqual([
      ['resumed', 'resolution', m(50)],
      ['resumed', 'first_response', m(50)],
    ]);
    expect(clockOf(clocks, 'first_response').state.dueAt).toBe(m(90));
    expect(step(clocks, () => clocks.statusChanged('open', m(55)))).toEqual([]);
  });

  it('keeps the clocks paused from one pausing status to another', () => {
    const clocks = conversation();
    clocks.customerMessage(m(0));
    clocks.bindPolicy(policy({ pauseOn: ['pending', 'snoozed'] }), m(0));
    clocks.statusChanged('pending', m(10));
    expect(step(clocks, () => clocks.statusChanged('snoozed', m(20)))).toEqual([]);
    expect(clockOf(clocks, 'first_response').state.status).toBe('paused');
    expect(step(clocks, () => clocks.statusChanged('open', m(30)))).toEqual([
      ['resumed', 'resolution', m(30)],
      ['resumed', 'first_response', m(30)],
    ]);
    expect(clockOf(clocks, 'first_response').state.dueAt).toBe(m(80));
  });

  it('fires what fell due before pausing', () => {
    const clocks = conversation();
    clocks.customerMessage(m(0));
    clocks.bindPolicy(policy(), m(0));
    expect(step(clocks, () => clocks.statusChanged('pending', m(70)))).toEqual([
      ['paused', 'resolution', m(70), 'pending'],
      ['warning', 'first_response', m(70), m(45), 25 * MINUTE],
      ['breached', 'first_response', m(70), m(60), 10 * MINUTE],
      ['paused', 'first_response', m(70), 'pending'],
    ]);
  });

  it('starts a clock paused when the customer writes while the conversation is paused', () => {
    const clocks = conversation();
    clocks.customerMessage(m(0));
    clocks.bindPolicy(policy(), m(0));
    clocks.agentReply(m(10));
    clocks.statusChanged('pending', m(20));
    expect(step(clocks, () => clocks.customerMessage(m(30)))).toEqual([
      ['started', 'next_response', m(30)],
      ['paused', 'next_response', m(30), 'pending'],
    ]);
    expect(clocks.dueAt).toBeNull();
    clocks.statusChanged('open', m(40));
    expect(clockOf(clocks, 'next_response').state).toMatchObject({
      consumedSeconds: 0,
      dueAt: m(160),
    });
  });

  it('stops unmet response clocks and meets a breached resolution on resolving', () => {
    const clocks = conversation();
    clocks.customerMessage(m(0));
    clocks.bindPolicy(policy(), m(0));
    expect(step(clocks, () => clocks.resolved(m(500)))).toEqual([
      ['warning', 'resolution', m(500), m(360), 140 * MINUTE],
      ['breached', 'resolution', m(500), m(480), 20 * MINUTE],
      ['met', 'resolution', m(500)],
      ['warning', 'first_response', m(500), m(45), 455 * MINUTE],
      ['breached', 'first_response', m(500), m(60), 440 * MINUTE],
      ['stopped', 'first_response', m(500)],
    ]);
    expect(clockOf(clocks, 'first_response').state).toMatchObject({
      status: 'stopped',
      breachedAt: m(60),
      endedAt: m(500),
    });
  });

  it('ignores what happens to a resolved conversation until it is reopened', () => {
    const clocks = conversation();
    clocks.customerMessage(m(0));
    clocks.bindPolicy(policy(), m(0));
    clocks.resolved(m(10));
    const state = clocks.state;
    const count = clocks.events.length;
    clocks.customerMessage(m(20));
    clocks.agentReply(m(30));
    clocks.statusChanged('pending', m(40));
    clocks.resolved(m(60));
    expect(clocks.state).toBe(state);
    expect(clocks.events).toHaveLength(count);
  });

  it('keeps the next cycle’s first queueing when it overtakes the resolution or the reopening', () => {
    const clocks = conversation();
    clocks.customerMessage(m(0));
    clocks.bindPolicy(policy(), m(0));
    // The customer wrote again after a resolution the SLA service has not seen yet; the router
    // queued that new cycle already: the cycle's second first queueing is the next cycle's.
    clocks.bindPolicy(policy({}, 3), m(100));
    expect(clocks.state.policy?.version).toBe(1);
    expect(clocks.state.nextCycle?.policy?.version).toBe(3);
    clocks.resolved(m(10));
    expect(step(clocks, () => clocks.reopened(m(99)))).toEqual([]);
    expect(clocks.state).toMatchObject({ cycle: 2, policyJudged: true, nextCycle: null });
    expect(clocks.state.policy?.version).toBe(3);
    // No agent ever replied: still a first response.
    expect(step(clocks, () => clocks.customerMessage(m(99)))).toEqual([
      ['started', 'first_response', m(99)],
      ['started', 'resolution', m(99)],
    ]);
  });

  it('judges the next cycle as “no policy” too, when nothing matched its first queueing', () => {
    const clocks = conversation();
    clocks.customerMessage(m(0));
    clocks.bindPolicy(policy(), m(0));
    clocks.resolved(m(10));
    clocks.bindPolicy(null, m(100));
    clocks.reopened(m(99));
    // A requeue later (transfer into a queue a policy matches) would not come here: the intake
    // passes only first queueings. A second first queueing in the cycle is the next's.
    clocks.bindPolicy(policy({}, 4), m(200));
    expect(clocks.state).toMatchObject({ cycle: 2, policy: null, policyJudged: true });
    expect(step(clocks, () => clocks.customerMessage(m(201)))).toEqual([]);
  });

  it('ignores a late first queueing of a cycle that already ended', () => {
    const clocks = conversation();
    clocks.customerMessage(m(0));
    clocks.resolved(m(10));
    clocks.bindPolicy(policy(), m(5));
    expect(clocks.state).toMatchObject({ policy: null, policyJudged: true, nextCycle: null });
    expect(clocks.events).toEqual([]);
  });

  it('does not reopen a conversation that is not resolved', () => {
    const clocks = conversation();
    clocks.customerMessage(m(0));
    clocks.bindPolicy(policy(), m(0));
    const state = clocks.state;
    clocks.reopened(m(10));
    expect(clocks.state).toBe(state);
    expect(clocks.dueAt).toBe(m(60));
  });

  it('starts a new cycle on reopening, with a next response once its policy is bound again', () => {
    const clocks = conversation();
    clocks.customerMessage(m(0));
    clocks.bindPolicy(policy(), m(1));
    clocks.agentReply(m(10));
    clocks.resolved(m(20));

    expect(step(clocks, () => clocks.reopened(m(1000)))).toEqual([]);
    expect(clocks.state).toEqual<ConversationSlaState>({
      cycle: 2,
      status: 'open',
      policy: null,
      policyJudged: false,
      awaitingSince: null,
      agentReplied: true,
      cycleStartedAt: m(1000),
      nextCycle: null,
    });
    expect(clocks.dueAt).toBeNull();
    expect(step(clocks, () => clocks.customerMessage(m(1000)))).toEqual([]);

    expect(step(clocks, () => clocks.bindPolicy(policy({}, 2), m(1002)))).toEqual([
      ['started', 'resolution', m(1002)],
      ['started', 'next_response', m(1002)],
    ]);
    const cycleTwo = clocks.changed.filter((c) => c.cycle === 2);
    expect(cycleTwo.map((c) => [c.metric, c.ordinal, c.policyVersion, c.state.startedAt])).toEqual([
      ['resolution', 1, 2, m(1000)],
      ['next_response', 1, 2, m(1000)],
    ]);
    expect(clocks.dueAt).toBe(m(1120));

    expect(step(clocks, () => clocks.agentReply(m(1030)))).toEqual([
      ['met', 'next_response', m(1030)],
      ['started', 'periodic_update', m(1030)],
    ]);
    expect(
      clocks.changed.filter((c) => c.metric === 'periodic_update').map((c) => c.cycle),
    ).toEqual([1, 2]);
    // The first cycle's clocks changed in this session are still reported, as they ended.
    expect(clocks.changed.map((c) => [c.id, c.cycle, c.metric, c.state.status])).toEqual([
      ['clock-1', 1, 'resolution', 'met'],
      ['clock-2', 1, 'first_response', 'met'],
      ['clock-3', 1, 'periodic_update', 'stopped'],
      ['clock-4', 2, 'resolution', 'running'],
      ['clock-5', 2, 'next_response', 'met'],
      ['clock-6', 2, 'periodic_update', 'running'],
    ]);
  });

  it('carries on from stored state and clocks, telling created clocks from changed ones', () => {
    const first = conversation();
    first.customerMessage(m(0));
    first.bindPolicy(policy(), m(0));

    const later = conversation(first.state, first.changed, 10);
    expect(later.changed).toEqual([]);
    expect(later.events).toEqual([]);
    expect(later.dueAt).toBe(m(60));
    later.agentReply(m(30));
    expect(later.changed.map((c) => [c.id, later.isCreated(c.id)])).toEqual([
      ['clock-2', false],
      ['clock-10', true],
    ]);
    expect(clockOf(later, 'first_response').state.status).toBe('met');
  });

  it('ignores stored clocks of an earlier cycle', () => {
    const first = conversation();
    first.customerMessage(m(0));
    first.bindPolicy(policy(), m(0));
    const stale = first.changed; // cycle 1, still running
    const later = conversation({ ...newConversationSlaState(), cycle: 2 }, stale);
    expect(later.dueAt).toBeNull();
    later.customerMessage(m(10));
    later.bindPolicy(policy(), m(10));
    later.resolved(m(20));
    expect(later.changed.every((c) => c.cycle === 2)).toBe(true);
    expect(later.changed.map((c) => c.metric)).toEqual(['resolution', 'first_response']);
  });

  describe('properties', () => {
    type Action =
      | { type: 'customerMessage' | 'agentReply' | 'resolved' | 'reopened' | 'bind' }
      | { type: 'status'; status: 'open' | 'pending' | 'snoozed' };
    const action = fc.constantFrom<Action>(
      { type: 'customerMessage' },
      { type: 'agentReply' },
      { type: 'resolved' },
      { type: 'reopened' },
      { type: 'bind' },
      { type: 'status', status: 'open' },
      { type: 'status', status: 'pending' },
      { type: 'status', status: 'snoozed' },
    );
    const script = fc.array(fc.record({ gapMinutes: fc.integer({ min: 0, max: 600 }), action }), {
      maxLength: 40,
    });

    const run = (clocks: ConversationClocks, bound: SlaPolicy, now: number, a: Action) => {
      switch (a.type) {
        case 'customerMessage':
          return clocks.customerMessage(now);
        case 'agentReply':
          return clocks.agentReply(now);
        case 'resolved':
          return clocks.resolved(now);
        case 'reopened':
          return clocks.reopened(now);
        case 'bind':
          return clocks.bindPolicy(bound, now);
        case 'status':
          return clocks.statusChanged(a.status, now);
      }
    };

    it('keeps its invariants through any sequence of events', () => {
      fc.assert(
        fc.property(script, fc.subarray(['pending', 'snoozed'] as const), (steps, pauseOn) => {
          const bound = policy({ pauseOn });
          const clocks = conversation();
          let now = m(0);
          for (const { gapMinutes, action: a } of steps) {
            now += gapMinutes * MINUTE;
            run(clocks, bound, now, a);
            const current = clocks.changed.filter((c) => c.cycle === clocks.state.cycle);
            const live = current.filter(
              (c) => c.state.status === 'running' || c.state.status === 'paused',
            );
            // At most one live clock per metric.
            expect(new Set(live.map((c) => c.metric)).size).toBe(live.length);
            // Nothing is live once resolved; clocks stand still exactly while paused by policy.
            if (clocks.state.status === 'resolved') expect(live).toEqual([]);
            const pausing =
              clocks.state.status !== 'open' &&
              clocks.state.status !== 'resolved' &&
              (pauseOn as readonly string[]).includes(clocks.state.status);
            for (const clock of live)
              expect(clock.state.status).toBe(pausing ? 'paused' : 'running');
            // dueAt is the earliest due of the running clocks.
            const dues = live
              .filter((c) => c.state.status === 'running')
              .map((c) => c.state.dueAt!);
            expect(clocks.dueAt).toBe(dues.length ? Math.min(...dues) : null);
          }
          // Every clock breaches and warns at most once, and never before it is due.
          const byClock = new Map<string, ClockEvent[]>();
          for (const event of clocks.events)
            byClock.set(event.clock.id, [...(byClock.get(event.clock.id) ?? []), event]);
          for (const events of byClock.values()) {
            for (const kind of ['warning', 'breached'] as const) {
              const fired = events.filter((e) => e.type === kind);
              expect(fired.length).toBeLessThanOrEqual(1);
              for (const e of fired)
                if (e.type === 'warning' || e.type === 'breached') {
                  expect(e.firing.dueAt).toBeLessThanOrEqual(e.at);
                  expect(e.firing.lateByMs).toBe(e.at - e.firing.dueAt);
                }
            }
            expect(events[0]!.type).toBe('started');
            expect(
              events.filter((e) => e.type === 'met' || e.type === 'stopped').length,
            ).toBeLessThanOrEqual(1);
          }
          expect(clocks.changed.every((c) => c !== undefined)).toBe(true);
        }),
        { numRuns: 200 },
      );
    });
  });
});
