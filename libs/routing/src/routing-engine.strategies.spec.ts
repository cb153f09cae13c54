import fc from 'fast-check';
import type { RoutingStrategy } from './model';
import { assertRoutingInvariants } from './testing/invariants';
import {
  agentProfile,
  at,
  createEngine,
  ofType,
  offers,
  queueDefinition,
  work,
} from './testing/routing-fixtures';

describe('RoutingEngine strategies', () => {
  describe('longest_idle', () => {
    it('offers new work to the agent who has gone longest without an offer', () => {
      const engine = createEngine({ offlineAgents: ['a', 'b', 'c'].map((id) => agentProfile(id)) });
      engine.setPresence('b', 'online', at(1));
      engine.setPresence('c', 'online', at(2));
      engine.setPresence('a', 'online', at(3));

      expect(offers(engine.enqueue(work('c1'), at(4)))).toEqual({ c1: 'b' });
      expect(offers(engine.enqueue(work('c2'), at(5)))).toEqual({ c2: 'c' });
      expect(offers(engine.enqueue(work('c3'), at(6)))).toEqual({ c3: 'a' });
    });

    it('breaks a tie between equally idle agents by id, and says how many were eligible', () => {
      const engine = createEngine({ agents: ['b', 'a'].map((id) => agentProfile(id)) });

      const [offer] = ofType(engine.enqueue(work('c1'), at(1)), 'offered');

      expect(offer).toMatchObject({
        agentId: 'a',
        explanation: { via: 'best_agent', candidates: 2 },
      });
      expect(offer!.explanation.detail).toMatch(/^idle longest/);
    });
  });

  describe('most_spare_capacity', () => {
    it('offers work to the agent with the most free units', () => {
      const engine = createEngine({
        queues: [queueDefinition('support', { strategy: 'most_spare_capacity' })],
        agents: [
          agentProfile('a', { capacity: { totalUnits: 2 } }),
          agentProfile('b', { capacity: { totalUnits: 3 } }),
        ],
      });

      expect(offers(engine.enqueue(work('c1'), at(1)))).toEqual({ c1: 'b' });
      // Both have 2 units free now: b was just offered work, so a has been idle longer.
      expect(offers(engine.enqueue(work('c2'), at(2)))).toEqual({ c2: 'a' });
      expect(offers(engine.enqueue(work('c3'), at(3)))).toEqual({ c3: 'b' });
    });
  });

  describe('best_proficiency', () => {
    it('offers work to the agent whose levels in the required skills sum highest', () => {
      const engine = createEngine({
        queues: [
          queueDefinition('support', {
            strategy: 'best_proficiency',
            requiredSkills: [
              { skill: 'billing', minLevel: 3 },
              { skill: 'tech', minLevel: 1 },
            ],
          }),
        ],
        agents: [
          agentProfile('a', { skills: { billing: 9, tech: 1 } }),
          agentProfile('b', { skills: { billing: 5, tech: 6 } }),
          agentProfile('c', { skills: { billing: 10, sales: 10 } }),
        ],
      });

      const [offer] = ofType(engine.enqueue(work('c1'), at(1)), 'offered');

      expect(offer).toMatchObject({ agentId: 'b', explanation: { candidates: 2 } });
      expect(offer!.explanation.detail).toContain('best proficiency (11');
    });
  });

  describe('round_robin', () => {
    it("takes turns by the queue's own order, not by when agents last got any work", () => {
      const engine = createEngine({
        queues: [
          queueDefinition('rr', { strategy: 'round_robin', autoAccept: true }),
          queueDefinition('other', { autoAccept: true }),
        ],
        agents: [
          agentProfile('a', { capacity: { totalUnits: 3 } }),
          agentProfile('b', { capacity: { totalUnits: 3 } }),
        ],
      });
      expect(offers(engine.enqueue(work('r1', { queueId: 'rr' }), at(1)))).toEqual({ r1: 'a' });
      expect(offers(engine.enqueue(work('r2', { queueId: 'rr' }), at(2)))).toEqual({ r2: 'b' });
      // a was idle longer, so the other queue gives it work: a is now the busier agent.
      expect(offers(engine.enqueue(work('o1', { queueId: 'other' }), at(3)))).toEqual({ o1: 'a' });

      expect(offers(engine.enqueue(work('r3', { queueId: 'rr' }), at(4)))).toEqual({ r3: 'a' });
      expect(offers(engine.enqueue(work('r4', { queueId: 'rr' }), at(5)))).toEqual({ r4: 'b' });
    });
  });

  describe('fairness', () => {
    const strategies: RoutingStrategy[] = ['longest_idle', 'round_robin'];

    it.each(strategies)(
      'shares work among identical agents so that counts differ by at most one (%s)',
      (strategy) => {
        const scenario = fc.record({
          agents: fc.integer({ min: 2, max: 6 }),
          capacity: fc.integer({ min: 1, max: 3 }),
          waves: fc.array(fc.nat(), { minLength: 5, maxLength: 30 }),
        });
        fc.assert(
          fc.property(scenario, ({ agents, capacity, waves }) => {
            const ids = Array.from({ length: agents }, (_, i) => `agent-${i}`);
            const engine = createEngine({
              queues: [queueDefinition('support', { strategy })],
              agents: ids.map((id) => agentProfile(id, { capacity: { totalUnits: capacity } })),
            });
            const counts = new Map(ids.map((id) => [id, 0]));
            let now = at(1);
            let next = 0;
            for (const wave of waves) {
              // Conversations arrive one after another, are accepted, then all resolved.
              const size = 1 + (wave % (agents * capacity));
              const inWave: string[] = [];
              for (let i = 0; i < size; i += 1) {
                const id = `c${next++}`;
                const [offer] = ofType(engine.enqueue(work(id), (now += 1000)), 'offered');
                expect(offer).toBeDefined();
                engine.accept(id, offer!.agentId, (now += 10));
                counts.set(offer!.agentId, counts.get(offer!.agentId)! + 1);
                inWave.push(id);
              }
              for (const id of inWave) engine.release(id, (now += 1000));
              assertRoutingInvariants(engine);
            }
            const values = [...counts.values()];
            expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
          }),
          { numRuns: 60 },
        );
      },
    );
  });
});
