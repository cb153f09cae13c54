import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type MessageDirection = 'inbound' | 'outbound';

@Entity('messages')
export class MessageEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'conversation_id' }) conversationId!: string;
  @Column('uuid', { name: 'contact_id' }) contactId!: string;
  @Column('text') channel!: string;
  @Column('text') direction!: MessageDirection;
  @Column('text', { name: 'provider_message_id' }) providerMessageId!: string;
  @Column('text') text!: string;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt!: Date | null;
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
  /** The provider's payload as received, kept for audit. */
  @Column('jsonb') raw!: unknown;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
