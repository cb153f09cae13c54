import type { BusMessage, OutgoingMessage } from './event-bus';

export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

export function isDeadLetterTopic(topic: string): boolean {
  return topic.endsWith('.dlq');
}

/** The original message, unchanged, with why and where it failed in `dlq-*` headers. */
export function toDeadLetter(
  message: BusMessage,
  failure: { reason: string; error: unknown; attempts: number; groupId: string; at: Date },
): OutgoingMessage {
  const error = failure.error instanceof Error ? failure.error : new Error(String(failure.error));
  return {
    key: message.key ?? '',
    value: message.value,
    headers: {
      ...message.headers,
      'dlq-reason': failure.reason,
      'dlq-error': `${error.name}: ${error.message}`.slice(0, 4_000),
      'dlq-attempts': String(failure.attempts),
      'dlq-group': failure.groupId,
      'dlq-original-topic': message.topic,
      'dlq-original-partition': String(message.partition),
      'dlq-original-offset': message.offset,
      'dlq-failed-at': failure.at.toISOString(),
    },
  };
}
