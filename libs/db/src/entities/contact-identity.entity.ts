import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One way to reach a contact: a channel and its normalized address there. */
@Entity('contact_identities')
export class ContactIdentityEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'contact_id' }) contactId!: string;
  @Column('text') channel!: string;
  @Column('text') address!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
