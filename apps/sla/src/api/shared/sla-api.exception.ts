/** Failures of the SLA API's use cases; mapped to HTTP only at the edge (`slaHttpError`). */
export enum SlaApiErrorCode {
  /** A field is well-formed but refused (a calendar with no open time, an unknown calendar). */
  InvalidDefinition = 'invalid_definition',
  UnknownCalendar = 'unknown_calendar',
  UnknownHoliday = 'unknown_holiday',
  UnknownPolicy = 'unknown_policy',
  UnknownPolicyVersion = 'unknown_policy_version',
  /** The SLA service has never seen the conversation in this tenant. */
  UnknownConversation = 'unknown_conversation',
  CalendarInUse = 'calendar_in_use',
  NameTaken = 'name_taken',
}

export interface FieldProblem {
  readonly field: string;
  readonly problem: string;
}

export class SlaApiException extends Error {
  constructor(
    readonly code: SlaApiErrorCode,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'SlaApiException';
  }

  static invalid(fields: readonly FieldProblem[]): SlaApiException {
    return new SlaApiException(
      SlaApiErrorCode.InvalidDefinition,
      fields.map((field) => `${field.field}: ${field.problem}`).join('; '),
      fields,
    );
  }

  static unknownCalendar(calendarId: string): SlaApiException {
    return new SlaApiException(SlaApiErrorCode.UnknownCalendar, `No calendar ${calendarId}`);
  }

  static unknownPolicy(policyId: string): SlaApiException {
    return new SlaApiException(SlaApiErrorCode.UnknownPolicy, `No policy ${policyId}`);
  }

  static nameTaken(what: 'calendar' | 'policy', name: string): SlaApiException {
    return new SlaApiException(
      SlaApiErrorCode.NameTaken,
      `Another ${what} is already named "${name}"`,
    );
  }
}
