import { Injectable } from '@nestjs/common';
import { RoutingCommandPublisher } from '../../commands/routing-command.publisher';
import { settled, type Settled } from '../shared/command-outcome';
import { ConfigTransaction } from '../shared/config-transaction';
import { QueueCatalogueRepository } from '../shared/queue-catalogue.repository';
import { RoutingApiException } from '../shared/routing-api.exception';
import { RoutingPolicyRepository, type StoredSettings } from '../shared/routing-policy.repository';
import { unknownQueue } from '../shared/references';
import type { PutRoutingSettingsCommand } from './put-routing-settings.command';

/** Stores the settings (the default queue must exist), then the owning router reloads them. */
@Injectable()
export class PutRoutingSettingsUseCase {
  constructor(
    private readonly transaction: ConfigTransaction,
    private readonly policy: RoutingPolicyRepository,
    private readonly queues: QueueCatalogueRepository,
    private readonly commands: RoutingCommandPublisher,
  ) {}

  async execute(
    command: PutRoutingSettingsCommand,
  ): Promise<{ settings: StoredSettings; routing: Settled }> {
    const { tenantId, settings } = command;
    await this.transaction.run(tenantId, async (manager) => {
      const { defaultQueueId } = settings;
      if (defaultQueueId && (await this.queues.missing(tenantId, [defaultQueueId], manager)).length)
        throw RoutingApiException.invalidReferences([
          { field: 'defaultQueueId', problem: unknownQueue(defaultQueueId) },
        ]);
      await this.policy.saveSettings(manager, tenantId, settings);
    });
    const routing = settled(
      await this.commands.sendAndWait(tenantId, 'routing.config_changed', {
        subject: 'settings',
        id: null,
      }),
    );
    return { settings: await this.policy.findSettings(tenantId), routing };
  }
}
