import type { EntityManager } from 'typeorm';

export interface OutboxEntry {
  eventId: string;
  topic: string;
  key: string;
  payload: Buffer;
  headers: Record<string, string>;
}

/**
 * Writes events in the caller's transaction, so they exist if and only if the state change
 * that caused them committed. The relay publishes them afterwards.
 */
export async function appendToOutbox(
  manager: EntityManager,
  entries: readonly OutboxEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const values: unknown[] = [];
  const rows = entries.map((entry, index) => {
    values.push(
      entry.eventId,
      entry.topic,
      entry.key,
      entry.payload,
      JSON.stringify(entry.headers),
    );
    const base = index * 5;
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}::jsonb)`;
  });
  await manager.query(
    `INSERT INTO outbox (event_id, topic, message_key, payload, headers) VALUES ${rows.join(', ')}`,
    values,
  );
}
