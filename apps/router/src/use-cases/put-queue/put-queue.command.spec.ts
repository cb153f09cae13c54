import { putQueueCommand, queueDefinition, queueReferences } from './put-queue.command';

const tenantId = '5f0c6a8e-7d2b-4a53-9a53-0a3b9a1d2c11';

describe('putQueueCommand', () => {
  it('carries the tenant and the queue with its defaults', () => {
    const command = putQueueCommand({
      tenantId,
      queueId: 'billing',
      queue: { name: 'Billing', requiredSkills: [{ skill: 'billing', minLevel: 2 }] },
    });
    expect(command).toMatchObject({
      tenantId,
      queueId: 'billing',
      queue: { name: 'Billing', strategy: 'longest_idle', offerTimeoutSeconds: 30 },
    });
  });

  it.each([
    ['no tenant', { tenantId: 'acme' }, /tenantId/],
    ['a queue id that is no id', { queueId: 'two words' }, /queueId/],
  ])('refuses %s', (_case, change, field) => {
    expect(() =>
      putQueueCommand({
        tenantId,
        queueId: 'billing',
        queue: { name: 'Billing', requiredSkills: [] },
        ...change,
      }),
    ).toThrow(field);
  });
});

describe('queueDefinition', () => {
  it('is the engine’s definition: the id from the path, no name', () => {
    const { queue } = putQueueCommand({
      tenantId,
      queueId: 'billing',
      queue: { name: 'Billing', requiredSkills: [], priority: 4, autoAccept: true },
    });
    expect(queueDefinition('billing', queue)).toEqual({
      id: 'billing',
      priority: 4,
      requiredSkills: [],
      optionalSkills: [],
      strategy: 'longest_idle',
      widening: [],
      offerTimeoutSeconds: 30,
      autoAccept: true,
      affinity: { windowSeconds: 0, waitSeconds: 0 },
      slaPolicyId: null,
    });
  });
});

describe('queueReferences', () => {
  it('names each skill and overflow queue with its field', () => {
    const { queue } = putQueueCommand({
      tenantId,
      queueId: 'billing',
      queue: {
        name: 'Billing',
        requiredSkills: [{ skill: 'billing', minLevel: 2 }],
        optionalSkills: [{ skill: 'german', minLevel: 1 }],
        widening: [
          { afterSeconds: 30, lowerLevelsBy: 1 },
          { afterSeconds: 90, overflowToQueueId: 'general' },
        ],
      },
    });
    expect(queueReferences(queue)).toEqual({
      skills: [
        { field: 'requiredSkills.0.skill', id: 'billing' },
        { field: 'optionalSkills.0.skill', id: 'german' },
      ],
      queues: [{ field: 'widening.1.overflowToQueueId', id: 'general' }],
    });
  });
});
