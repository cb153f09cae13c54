import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('contacts')
export class ContactEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text', { name: 'display_name', nullable: true }) displayName!: string | null;
  /** ISO 639-3, detected from their messages unless set by an agent. */
  @Column('text', { nullable: true }) language!: string | null;
  /** A label the router routes by ('vip', 'gold'); null when the contact has none. */
  @Column('text', { nullable: true }) tier!: string | null;
  @Column('uuid', { name: 'merged_into', nullable: true }) mergedInto!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
