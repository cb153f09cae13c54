import { Injectable } from '@nestjs/common';
import { assertValidQueue } from '@switchboard/routing';
import { RoutingCommandPublisher } from '../../commands/routing-command.publisher';
import { settled, type Settled } from '../shared/command-outcome';
import { ConfigTransaction } from '../shared/config-transaction';
import { QueueCatalogueRepository, type QueueRecord } from '../shared/queue-catalogue.repository';
import { RoutingApiException } from '../shared/routing-api.exception';
import { unknownQueue, unknownSkill, unresolved } from '../shared/references';
import { SkillCatalogueRepository } from '../shared/skill-catalogue.repository';
import { queueDefinition, queueReferences, type PutQueueCommand } from './put-queue.command';

export interface PutQueueResult {
  readonly created: boolean;
  readonly queue: QueueRecord;
  readonly routing: Settled;
}

/**
 * Stores the queue (skills it names must be in the catalogue, queues it overflows to must
 * exist), then the owning router applies it: waiting work in it is re-placed at once.
 */
@Injectable()
export class PutQueueUseCase {
  constructor(
    private readonly transaction: ConfigTransaction,
    private readonly queues: QueueCatalogueRepository,
    private readonly skills: SkillCatalogueRepository,
    private readonly commands: RoutingCommandPublisher,
  ) {}

  async execute(command: PutQueueCommand): Promise<PutQueueResult> {
    const { tenantId, queueId, queue } = command;
    const definition = queueDefinition(queueId, queue);
    const references = queueReferences(queue);
    const toItself = references.queues
      .filter((reference) => reference.id === queueId)
      .map((reference) => ({ field: reference.field, problem: 'cannot be the queue itself' }));
    if (toItself.length > 0) throw RoutingApiException.invalidReferences(toItself);
    assertValidQueue(definition);

    const stored = await this.transaction.run(tenantId, async (manager) => {
      const missingSkills = await this.skills.missing(
        tenantId,
        references.skills.map((reference) => reference.id),
        manager,
      );
      const missingQueues = await this.queues.missing(
        tenantId,
        references.queues.map((reference) => reference.id),
        manager,
      );
      const problems = [
        ...unresolved(references.skills, missingSkills, unknownSkill),
        ...unresolved(references.queues, missingQueues, unknownQueue),
      ];
      if (problems.length > 0) throw RoutingApiException.invalidReferences(problems);
      return this.queues.upsert(manager, tenantId, queue.name, definition);
    });
    const routing = settled(
      await this.commands.sendAndWait(tenantId, 'routing.config_changed', {
        subject: 'queue',
        id: queueId,
      }),
    );
    return { ...stored, routing };
  }
}
