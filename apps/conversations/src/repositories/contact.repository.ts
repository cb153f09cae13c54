import { Injectable } from '@nestjs/common';
import { ContactEntity, ContactIdentityEntity } from '@switchboard/db';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** Contacts and their identities; every method is scoped to a tenant. */
@Injectable()
export class ContactRepository {
  async findIdByIdentity(
    manager: EntityManager,
    tenantId: string,
    channel: string,
    address: string,
  ): Promise<string | null> {
    const identity = await manager.findOne(ContactIdentityEntity, {
      select: { contactId: true },
      where: { tenantId, channel, address },
    });
    return identity?.contactId ?? null;
  }

  /** Creates a contact with its first identity. */
  async create(
    manager: EntityManager,
    tenantId: string,
    identity: { channel: string; address: string; displayName: string | null },
  ): Promise<string> {
    const contactId = randomUUID();
    await manager.insert(ContactEntity, {
      id: contactId,
      tenantId,
      displayName: identity.displayName,
    });
    await manager.insert(ContactIdentityEntity, {
      id: randomUUID(),
      tenantId,
      contactId,
      channel: identity.channel,
      address: identity.address,
    });
    return contactId;
  }
}
