import { agentLoad } from './agent-load';

describe('agentLoad', () => {
  const capacity = { totalUnits: 3, channels: { email: { units: 0.5 }, whatsapp: { units: 2 } } };

  it('counts what the agent holds by state and costs each conversation by its channel', () => {
    expect(
      agentLoad(capacity, 'ada', [
        { agentId: 'ada', state: 'assigned', channel: 'email', count: 2 },
        { agentId: 'ada', state: 'offered', channel: 'whatsapp', count: 1 },
        { agentId: 'ada', state: 'assigned', channel: 'api', count: 1 },
        { agentId: 'bob', state: 'assigned', channel: 'api', count: 5 },
      ]),
    ).toEqual({ offered: 1, assigned: 3, usedUnits: 4, totalUnits: 3 });
  });

  it('is empty for an agent holding nothing', () => {
    expect(agentLoad({ totalUnits: 2 }, 'ada', [])).toEqual({
      offered: 0,
      assigned: 0,
      usedUnits: 0,
      totalUnits: 2,
    });
  });
});
