import { Kafka, logLevel } from 'kafkajs';
import { TEST_KAFKA_BROKERS } from './infrastructure';

/** How many messages a topic holds in total (sum of high watermarks), read from the broker. */
export async function messageCount(topic: string): Promise<number> {
  const admin = new Kafka({ brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
  } finally {
    await admin.disconnect();
  }
}
