import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ConversationStatus = 'open' | 'pending' | 'snoozed' | 'resolved';

@Entity('conversations')
export class ConversationEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'contact_id' }) contactId!: string;
  @Column('text') channel!: string;
  /** The channel's own thread (Slack thread_ts, email thread); '' when the channel has none. */
  @Column('text', { name: 'thread_key' }) threadKey!: string;
  @Column('text') status!: ConversationStatus;
  @Column('timestamptz', { name: 'opened_at' }) openedAt!: Date;
  @Column('timestamptz', { name: 'last_message_at' }) lastMessageAt!: Date;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt!: Date | null;
  /** When a snooze ends by itself; null unless snoozed with an end (then polled for). */
  @Column('timestamptz', { name: 'snoozed_until', nullable: true }) snoozedUntil!: Date | null;
}
