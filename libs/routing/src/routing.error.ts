export enum RoutingErrorCode {
  UnknownConversation = 'unknown_conversation',
  UnknownAgent = 'unknown_agent',
  UnknownQueue = 'unknown_queue',
  OfferNotPending = 'offer_not_pending',
  AgentUnavailable = 'agent_unavailable',
  QueueInUse = 'queue_in_use',
  InvalidDefinition = 'invalid_definition',
}

/** A command the engine refuses; the edge maps the code to 404 / 409 / 400. */
export class RoutingError extends Error {
  constructor(
    readonly code: RoutingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RoutingError';
  }
}
