import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type IdentityKind = 'phone' | 'email' | 'provider';

/**
 * One way to recognise a contact: a phone in E.164, an email address, or a provider id
 * (`slack:U123`). Unique per tenant, so one address belongs to one contact.
 */
@Entity('contact_identities')
export class ContactIdentityEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'contact_id' }) contactId!: string;
  @Column('text') kind!: IdentityKind;
  @Column('text') address!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
