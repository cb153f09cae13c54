import { queueScope, type QueueScope } from '../shared/queue-scope';

export type GetQueueQuery = QueueScope;

export function getQueueQuery(input: GetQueueQuery): GetQueueQuery {
  return queueScope.parse(input);
}
