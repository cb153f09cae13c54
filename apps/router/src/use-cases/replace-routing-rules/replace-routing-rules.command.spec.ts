import { replaceRoutingRulesCommand, ruleReferences } from './replace-routing-rules.command';

const tenantId = '5f0c6a8e-7d2b-4a53-9a53-0a3b9a1d2c11';

describe('replaceRoutingRulesCommand', () => {
  it('names the queue and skills of each rule by its position in the list', () => {
    const { rules } = replaceRoutingRulesCommand({
      tenantId,
      rules: [
        { id: 'vip', conditions: { contactTiers: ['vip'] }, action: { queueId: 'vip' } },
        {
          id: 'spanish',
          action: {
            queueId: 'general',
            skills: [
              { skill: 'spanish', minLevel: 2 },
              { skill: 'billing', minLevel: 1 },
            ],
          },
        },
      ],
    });
    expect(ruleReferences(rules)).toEqual({
      queues: [
        { field: '0.action.queueId', id: 'vip' },
        { field: '1.action.queueId', id: 'general' },
      ],
      skills: [
        { field: '1.action.skills.0.skill', id: 'spanish' },
        { field: '1.action.skills.1.skill', id: 'billing' },
      ],
    });
  });

  it('refuses a list with the same id twice', () => {
    const rule = { id: 'same', action: { queueId: 'q' } };
    expect(() => replaceRoutingRulesCommand({ tenantId, rules: [rule, rule] })).toThrow(
      /used twice/,
    );
  });
});
