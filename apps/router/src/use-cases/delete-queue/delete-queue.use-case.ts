import { Injectable } from '@nestjs/common';
import { RoutingError, RoutingErrorCode } from '@switchboard/routing';
import { RoutingCommandPublisher } from '../../commands/routing-command.publisher';
import { settled, type Settled } from '../shared/command-outcome';
import { ConfigTransaction } from '../shared/config-transaction';
import { QueueCatalogueRepository, type QueueUsage } from '../shared/queue-catalogue.repository';
import type { DeleteQueueCommand } from './delete-queue.command';

/**
 * Deletes a queue no rule, setting or other queue refers to and no conversation is in, then
 * the owning router forgets it. Work may enter it between the check and the router applying
 * the deletion; the router then refuses (`queue_in_use`) and the queue is put back.
 */
@Injectable()
export class DeleteQueueUseCase {
  constructor(
    private readonly transaction: ConfigTransaction,
    private readonly queues: QueueCatalogueRepository,
    private readonly commands: RoutingCommandPublisher,
  ) {}

  async execute(command: DeleteQueueCommand): Promise<Settled> {
    const { tenantId, queueId } = command;
    const removed = await this.transaction.run(tenantId, async (manager) => {
      if (!(await this.queues.find(tenantId, queueId, manager)))
        throw new RoutingError(RoutingErrorCode.UnknownQueue, `No queue ${queueId}`);
      const usedBy = describeUsage(await this.queues.usage(manager, tenantId, queueId));
      if (usedBy)
        throw new RoutingError(
          RoutingErrorCode.QueueInUse,
          `Queue ${queueId} is in use: ${usedBy}`,
        );
      return (await this.queues.delete(manager, tenantId, queueId))!;
    });
    try {
      return settled(
        await this.commands.sendAndWait(tenantId, 'routing.config_changed', {
          subject: 'queue',
          id: queueId,
        }),
      );
    } catch (error) {
      if (error instanceof RoutingError && error.code === RoutingErrorCode.QueueInUse)
        await this.transaction.run(tenantId, (manager) =>
          this.queues.reinstate(manager, tenantId, removed),
        );
      throw error;
    }
  }
}

/** "2 conversations are in it; rule vip routes to it", or null when nothing refers to it. */
export function describeUsage(usage: QueueUsage): string | null {
  const plural = (ids: readonly string[], one: string, many: string): string =>
    ids.length > 1 ? `${many} ${ids.join(', ')}` : `${one} ${ids[0]}`;
  const parts: string[] = [];
  if (usage.conversations === 1) parts.push('1 conversation is in it');
  if (usage.conversations > 1) parts.push(`${usage.conversations} conversations are in it`);
  if (usage.rules.length > 0)
    parts.push(
      `${plural(usage.rules, 'rule', 'rules')} route${usage.rules.length > 1 ? '' : 's'} to it`,
    );
  if (usage.overflowFrom.length > 0)
    parts.push(
      `${plural(usage.overflowFrom, 'queue', 'queues')} overflow${usage.overflowFrom.length > 1 ? '' : 's'} into it`,
    );
  if (usage.isDefault) parts.push('it is the default queue');
  return parts.length > 0 ? parts.join('; ') : null;
}
