/** Failures of the routing API's own use cases (the engine's refusals are `RoutingError`s). */
export enum RoutingApiErrorCode {
  /** The request names something that does not exist (a skill, a queue): the fields say which. */
  InvalidReference = 'invalid_reference',
  UnknownSkill = 'unknown_skill',
  SkillInUse = 'skill_in_use',
  /** The conversation is not being routed and has no routing history. */
  NotRouted = 'not_routed',
}

export interface ReferenceProblem {
  readonly field: string;
  readonly problem: string;
}

/** Mapped to HTTP only at the edge (`routingHttpError`). */
export class RoutingApiException extends Error {
  constructor(
    readonly code: RoutingApiErrorCode,
    message: string,
    readonly fields: readonly ReferenceProblem[] = [],
  ) {
    super(message);
    this.name = 'RoutingApiException';
  }

  static invalidReferences(fields: readonly ReferenceProblem[]): RoutingApiException {
    return new RoutingApiException(
      RoutingApiErrorCode.InvalidReference,
      fields.map((field) => `${field.field}: ${field.problem}`).join('; '),
      fields,
    );
  }

  static notRouted(conversationId: string): RoutingApiException {
    return new RoutingApiException(
      RoutingApiErrorCode.NotRouted,
      `Conversation ${conversationId} is not being routed`,
    );
  }
}
