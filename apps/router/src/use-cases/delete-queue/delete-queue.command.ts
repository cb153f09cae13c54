import { queueScope, type QueueScope } from '../shared/queue-scope';

/** Remove a queue nothing refers to and no conversation is in. */
export type DeleteQueueCommand = QueueScope;

export function deleteQueueCommand(input: DeleteQueueCommand): DeleteQueueCommand {
  return queueScope.parse(input);
}
