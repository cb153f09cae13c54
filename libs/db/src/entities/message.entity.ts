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
  @Column('uuid', { name: 'channel_account_id', nullable: true }) channelAccountId!: string | null;
  /** Sanitized; safe to render. */
  @Column('text', { nullable: true }) html!: string | null;
  @Column('jsonb') attachments!: unknown[];
  @Column('jsonb', { nullable: true }) location!: unknown;
  @Column('text', { name: 'thread_ref', nullable: true }) threadRef!: string | null;
  @Column('text', { name: 'reply_to_provider_message_id', nullable: true })
  replyToProviderMessageId!: string | null;
  @Column('text', { nullable: true }) language!: string | null;
  @Column('jsonb', { nullable: true }) email!: unknown;
  @Column('text', { name: 'email_message_id', nullable: true }) emailMessageId!: string | null;
  @Column('timestamptz', { name: 'edited_at', nullable: true }) editedAt!: Date | null;
  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt!: Date | null;
  @Column('text', { name: 'delivery_status', nullable: true }) deliveryStatus!: string | null;
  @Column('text', { name: 'delivery_error', nullable: true }) deliveryError!: string | null;
  /** Current reactions by sender id. */
  @Column('jsonb') reactions!: Record<string, string>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
