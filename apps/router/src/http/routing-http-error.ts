import { HttpStatus } from '@nestjs/common';
import type { HttpError } from '@switchboard/platform';
import { assertUnreachable } from '@switchboard/contracts';
import { RoutingError, RoutingErrorCode } from '@switchboard/routing';
import {
  RoutingApiErrorCode,
  RoutingApiException,
} from '../use-cases/shared/routing-api.exception';

/**
 * The one place routing failures get an HTTP status: the engine's refusals (whichever replica
 * made them) and the API's own. Unknown things are 404, conflicts with the current state 409,
 * definitions the engine cannot route by 400 (the same shape as every other 400 when fields
 * are known).
 */
export function routingHttpError(error: RoutingError | RoutingApiException): HttpError {
  return error instanceof RoutingError ? engineError(error) : apiError(error);
}

function engineError(error: RoutingError): HttpError {
  const body = { error: error.code, message: error.message };
  switch (error.code) {
    case RoutingErrorCode.UnknownConversation:
    case RoutingErrorCode.UnknownAgent:
    case RoutingErrorCode.UnknownQueue:
      return { status: HttpStatus.NOT_FOUND, body };
    case RoutingErrorCode.OfferNotPending:
    case RoutingErrorCode.AgentUnavailable:
    case RoutingErrorCode.QueueInUse:
      return { status: HttpStatus.CONFLICT, body };
    case RoutingErrorCode.InvalidDefinition:
      return { status: HttpStatus.BAD_REQUEST, body };
    default:
      return assertUnreachable(error.code);
  }
}

function apiError(error: RoutingApiException): HttpError {
  switch (error.code) {
    case RoutingApiErrorCode.InvalidReference:
      return {
        status: HttpStatus.BAD_REQUEST,
        body: { error: 'invalid_request', message: error.message, fields: error.fields },
      };
    case RoutingApiErrorCode.UnknownSkill:
    case RoutingApiErrorCode.NotRouted:
      return { status: HttpStatus.NOT_FOUND, body: { error: error.code, message: error.message } };
    case RoutingApiErrorCode.SkillInUse:
      return { status: HttpStatus.CONFLICT, body: { error: error.code, message: error.message } };
    default:
      return assertUnreachable(error.code);
  }
}
