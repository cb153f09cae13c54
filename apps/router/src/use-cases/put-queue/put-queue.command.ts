import type { QueueDefinition } from '@switchboard/routing';
import { z } from 'zod';
import { queueScope } from '../shared/queue-scope';
import { queueDefinitionSchema, type QueueInput } from '../shared/routing-config.schemas';
import type { Reference } from '../shared/references';

const putQueueInput = queueScope.extend({ queue: queueDefinitionSchema });

/** Create or redefine a queue: requirements, strategy, widening, offers, affinity. */
export type PutQueueCommand = z.output<typeof putQueueInput>;

export function putQueueCommand(input: z.input<typeof putQueueInput>): PutQueueCommand {
  return putQueueInput.parse(input);
}

/** The queue as the engine takes it (and as `routing_queues.definition` stores it): id, no name. */
export function queueDefinition(queueId: string, queue: QueueInput): QueueDefinition {
  return {
    id: queueId,
    priority: queue.priority,
    requiredSkills: queue.requiredSkills,
    optionalSkills: queue.optionalSkills,
    strategy: queue.strategy,
    widening: queue.widening,
    offerTimeoutSeconds: queue.offerTimeoutSeconds,
    autoAccept: queue.autoAccept,
    affinity: queue.affinity,
    slaPolicyId: queue.slaPolicyId,
  };
}

/** The skills and queues a queue definition names, each with its request field. */
export function queueReferences(queue: QueueInput): { skills: Reference[]; queues: Reference[] } {
  return {
    skills: [
      ...queue.requiredSkills.map((r, index) => ({
        field: `requiredSkills.${index}.skill`,
        id: r.skill,
      })),
      ...queue.optionalSkills.map((r, index) => ({
        field: `optionalSkills.${index}.skill`,
        id: r.skill,
      })),
    ],
    queues: queue.widening.flatMap((step, index) =>
      step.overflowToQueueId
        ? [{ field: `widening.${index}.overflowToQueueId`, id: step.overflowToQueueId }]
        : [],
    ),
  };
}
