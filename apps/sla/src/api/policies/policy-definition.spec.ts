import { slaPolicyInputSchema } from '../shared/sla-config.schemas';
import { policyDefinition } from './policy-definition';

describe('policyDefinition', () => {
  it('is exactly the SlaPolicyDefinition the clocks read: no name, no position', () => {
    const input = slaPolicyInputSchema.parse({
      name: 'VIP',
      position: 1,
      match: { contactTiers: ['vip'], minPriority: null },
      calendarId: '5f0c6a8e-7d2b-4a53-9a53-0a3b9a1d2c11',
      targets: { first_response: { seconds: 600, businessHours: true } },
      warnAtPercent: 75,
      pauseOn: ['pending'],
      escalations: { onBreach: [{ type: 'raise_priority', priority: 10 }] },
    });
    expect(policyDefinition(input)).toEqual({
      match: { contactTiers: ['vip'], minPriority: null },
      calendarId: '5f0c6a8e-7d2b-4a53-9a53-0a3b9a1d2c11',
      targets: { first_response: { seconds: 600, businessHours: true } },
      warnAtPercent: 75,
      pauseOn: ['pending'],
      escalations: { onWarning: [], onBreach: [{ type: 'raise_priority', priority: 10 }] },
    });
  });

  it('leaves out conditions and targets that were not given', () => {
    const definition = policyDefinition(
      slaPolicyInputSchema.parse({
        name: 'Default',
        position: 100,
        targets: { resolution: { seconds: 86_400, businessHours: false } },
      }),
    );
    expect(JSON.parse(JSON.stringify(definition))).toEqual({
      match: {},
      calendarId: null,
      targets: { resolution: { seconds: 86_400, businessHours: false } },
      warnAtPercent: null,
      pauseOn: [],
      escalations: { onWarning: [], onBreach: [] },
    });
    expect(Object.keys(definition.targets)).toEqual(['resolution']);
  });
});
