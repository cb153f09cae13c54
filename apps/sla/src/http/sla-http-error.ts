import { HttpStatus } from '@nestjs/common';
import type { HttpError } from '@switchboard/platform';
import { assertUnreachable } from '@switchboard/contracts';
import { SlaApiErrorCode, type SlaApiException } from '../api/shared/sla-api.exception';

/**
 * The one place SLA API failures get an HTTP status: refused definitions are 400 in the shape
 * of every other 400 (naming the fields), unknown things 404, conflicts with what is stored 409.
 */
export function slaHttpError(error: SlaApiException): HttpError {
  const body = { error: error.code, message: error.message };
  switch (error.code) {
    case SlaApiErrorCode.InvalidDefinition:
      return {
        status: HttpStatus.BAD_REQUEST,
        body: { error: 'invalid_request', message: error.message, fields: error.fields },
      };
    case SlaApiErrorCode.UnknownCalendar:
    case SlaApiErrorCode.UnknownHoliday:
    case SlaApiErrorCode.UnknownPolicy:
    case SlaApiErrorCode.UnknownPolicyVersion:
    case SlaApiErrorCode.UnknownConversation:
      return { status: HttpStatus.NOT_FOUND, body };
    case SlaApiErrorCode.CalendarInUse:
    case SlaApiErrorCode.NameTaken:
      return { status: HttpStatus.CONFLICT, body };
    default:
      return assertUnreachable(error.code);
  }
}
