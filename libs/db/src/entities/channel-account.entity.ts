import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A tenant's account on a channel; its provider secrets are stored encrypted. */
@Entity('channel_accounts')
export class ChannelAccountEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') channel!: string;
  @Column('text', { name: 'external_id' }) externalId!: string;
  @Column('text', { name: 'display_name' }) displayName!: string;
  @Column('bytea', { name: 'secrets_ciphertext' }) secretsCiphertext!: Buffer;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'disabled_at', nullable: true }) disabledAt!: Date | null;
}
