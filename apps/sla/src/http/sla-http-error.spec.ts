import { SlaApiErrorCode, SlaApiException } from '../api/shared/sla-api.exception';
import { slaHttpError } from './sla-http-error';

describe('slaHttpError', () => {
  it.each([
    [SlaApiErrorCode.UnknownCalendar, 404],
    [SlaApiErrorCode.UnknownHoliday, 404],
    [SlaApiErrorCode.UnknownPolicy, 404],
    [SlaApiErrorCode.UnknownPolicyVersion, 404],
    [SlaApiErrorCode.UnknownConversation, 404],
    [SlaApiErrorCode.CalendarInUse, 409],
    [SlaApiErrorCode.NameTaken, 409],
  ])('answers %s with %i, naming the code', (code, status) => {
    expect(slaHttpError(new SlaApiException(code, 'why'))).toEqual({
      status,
      body: { error: code, message: 'why' },
    });
  });

  it('answers a refused definition like every other 400, naming the fields', () => {
    const fields = [{ field: 'calendarId', problem: 'no such calendar' }];
    expect(slaHttpError(SlaApiException.invalid(fields))).toEqual({
      status: 400,
      body: { error: 'invalid_request', message: 'calendarId: no such calendar', fields },
    });
  });
});
