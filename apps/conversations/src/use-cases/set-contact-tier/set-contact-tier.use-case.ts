import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ContactRepository } from '../../repositories/contact.repository';
import { EventOutbox } from '@switchboard/bus';
import type { SetContactTierCommand } from './set-contact-tier.command';

export type SetContactTierResult =
  | { outcome: 'changed' | 'unchanged'; contactId: string; tier: string | null }
  | { outcome: 'not-found' };

/**
 * Sets a contact's tier and, only when it changed, announces `contact.tier_changed` (keyed by
 * contact, after the contact's other events). A contact merged into another is not found:
 * its survivor carries the tier.
 */
@Injectable()
export class SetContactTierUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contacts: ContactRepository,
  ) {}

  async execute(command: SetContactTierCommand): Promise<SetContactTierResult> {
    const { tenantId, contactId, tier } = command;
    return this.dataSource.transaction(async (manager) => {
      const contact = await this.contacts.findTierForUpdate(manager, tenantId, contactId);
      if (!contact) return { outcome: 'not-found' as const };
      if (contact.tier === tier) return { outcome: 'unchanged' as const, contactId, tier };
      await this.contacts.setTier(manager, tenantId, contactId, tier);
      const events = new EventOutbox(command);
      events.add('contact.tier_changed', contactId, {
        contactId,
        tier,
        changedAt: command.requestedAt.toISOString(),
      });
      await events.writeTo(manager);
      return { outcome: 'changed' as const, contactId, tier };
    });
  }
}
