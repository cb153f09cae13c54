import { RoutingError, RoutingErrorCode } from '@switchboard/routing';
import {
  RoutingApiErrorCode,
  RoutingApiException,
} from '../use-cases/shared/routing-api.exception';
import { routingHttpError } from './routing-http-error';

describe('routingHttpError', () => {
  it.each([
    [RoutingErrorCode.UnknownConversation, 404],
    [RoutingErrorCode.UnknownAgent, 404],
    [RoutingErrorCode.UnknownQueue, 404],
    [RoutingErrorCode.OfferNotPending, 409],
    [RoutingErrorCode.AgentUnavailable, 409],
    [RoutingErrorCode.QueueInUse, 409],
    [RoutingErrorCode.InvalidDefinition, 400],
  ])('answers the engine refusing with %s with %i, naming the code', (code, status) => {
    expect(routingHttpError(new RoutingError(code, 'why'))).toEqual({
      status,
      body: { error: code, message: 'why' },
    });
  });

  it.each([
    [RoutingApiErrorCode.UnknownSkill, 404],
    [RoutingApiErrorCode.NotRouted, 404],
    [RoutingApiErrorCode.SkillInUse, 409],
  ])('answers %s with %i', (code, status) => {
    expect(routingHttpError(new RoutingApiException(code, 'why'))).toEqual({
      status,
      body: { error: code, message: 'why' },
    });
  });

  it('answers an unknown reference like any invalid request, naming the fields', () => {
    const error = RoutingApiException.invalidReferences([
      { field: 'skills.plumbing', problem: 'no skill plumbing in the catalogue' },
      { field: 'defaultQueueId', problem: 'no queue q9' },
    ]);
    expect(routingHttpError(error)).toEqual({
      status: 400,
      body: {
        error: 'invalid_request',
        message: 'skills.plumbing: no skill plumbing in the catalogue; defaultQueueId: no queue q9',
        fields: [
          { field: 'skills.plumbing', problem: 'no skill plumbing in the catalogue' },
          { field: 'defaultQueueId', problem: 'no queue q9' },
        ],
      },
    });
  });
});
