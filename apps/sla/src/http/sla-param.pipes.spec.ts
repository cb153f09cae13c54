import { BadRequestException } from '@nestjs/common';
import { HolidayDateParamPipe, PolicyVersionParamPipe } from './sla-param.pipes';

function problem(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse();
  }
  throw new Error('expected a 400');
}

describe('HolidayDateParamPipe', () => {
  const date = { type: 'param' as const, data: 'date' };

  it.each(['2026-12-25', '2028-02-29'])('passes %s', (value) => {
    expect(HolidayDateParamPipe.transform(value, date)).toBe(value);
  });

  it.each(['2026-02-30', '2027-02-29', '2026-13-01', '25.12.2026', '1969-12-31'])(
    'answers 400 naming the parameter for %s',
    (value) => {
      expect(problem(() => HolidayDateParamPipe.transform(value, date))).toMatchObject({
        error: 'invalid_request',
        fields: [{ field: 'date', problem: expect.any(String) }],
      });
    },
  );
});

describe('PolicyVersionParamPipe', () => {
  const version = { type: 'param' as const, data: 'version' };

  it('parses a version number', () => {
    expect(PolicyVersionParamPipe.transform('12', version)).toBe(12);
  });

  it.each(['0', '-1', '1.5', '01', 'latest', '9999999999'])(
    'answers 400 naming the parameter for %s',
    (value) => {
      expect(problem(() => PolicyVersionParamPipe.transform(value, version))).toMatchObject({
        fields: [{ field: 'version', problem: 'a version number: 1, 2, …' }],
      });
    },
  );
});
