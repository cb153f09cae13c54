import { Injectable } from '@nestjs/common';
import { ContactEntity, ContactIdentityEntity } from '@switchboard/db';
import { randomUUID } from 'node:crypto';
import { In, IsNull, type EntityManager } from 'typeorm';
import type { Identity } from '../domain/sender-identities';

/** Contacts and their identities; every method is scoped to a tenant. */
@Injectable()
export class ContactRepository {
  /** Owners of any of these identities, in the order the identities were given. */
  async findOwners(
    manager: EntityManager,
    tenantId: string,
    identities: readonly Identity[],
  ): Promise<Array<{ identity: Identity; contactId: string }>> {
    const found = await manager.find(ContactIdentityEntity, {
      select: { kind: true, address: true, contactId: true },
      where: { tenantId, address: In(identities.map((identity) => identity.address)) },
    });
    return identities.flatMap((identity) => {
      const owner = found.find(
        (row) => row.kind === identity.kind && row.address === identity.address,
      );
      return owner ? [{ identity, contactId: owner.contactId }] : [];
    });
  }

  async create(
    manager: EntityManager,
    tenantId: string,
    contact: {
      identities: readonly Identity[];
      displayName: string | null;
      language: string | null;
    },
  ): Promise<string> {
    const contactId = randomUUID();
    await manager.insert(ContactEntity, {
      id: contactId,
      tenantId,
      displayName: contact.displayName,
      language: contact.language,
    });
    await this.attach(manager, tenantId, contactId, contact.identities);
    return contactId;
  }

  /** Adds identities nobody owns yet (one address belongs to one contact). */
  async attach(
    manager: EntityManager,
    tenantId: string,
    contactId: string,
    identities: readonly Identity[],
  ): Promise<void> {
    if (identities.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(ContactIdentityEntity)
      .values(
        identities.map((identity) => ({ id: randomUUID(), tenantId, contactId, ...identity })),
      )
      .orIgnore()
      .execute();
  }

  /** Fills in what the contact did not have yet (name, language); never overwrites. */
  async completeProfile(
    manager: EntityManager,
    tenantId: string,
    contactId: string,
    profile: { displayName: string | null; language: string | null },
  ): Promise<void> {
    if (profile.displayName) {
      await manager.update(
        ContactEntity,
        { tenantId, id: contactId, displayName: IsNull() },
        { displayName: profile.displayName },
      );
    }
    if (profile.language) {
      await manager.update(
        ContactEntity,
        { tenantId, id: contactId, language: IsNull() },
        { language: profile.language },
      );
    }
  }

  /**
   * The contact's tier, locked for this transaction (tier changes of one contact serialize, so
   * their events keep their order); null if the contact is not the tenant's or was merged
   * into another.
   */
  async findTierForUpdate(
    manager: EntityManager,
    tenantId: string,
    contactId: string,
  ): Promise<{ tier: string | null } | null> {
    const found = await manager.findOne(ContactEntity, {
      select: { id: true, tier: true, mergedInto: true },
      where: { tenantId, id: contactId },
      lock: { mode: 'pessimistic_write' },
    });
    return found && !found.mergedInto ? { tier: found.tier } : null;
  }

  async setTier(
    manager: EntityManager,
    tenantId: string,
    contactId: string,
    tier: string | null,
  ): Promise<void> {
    await manager.update(ContactEntity, { tenantId, id: contactId }, { tier });
  }
}
