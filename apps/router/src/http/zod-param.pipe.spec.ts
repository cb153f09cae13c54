import { BadRequestException } from '@nestjs/common';
import { RoutingIdParamPipe, SkillNameParamPipe } from './zod-param.pipe';

describe('path parameter pipes', () => {
  it('pass ids and skill names through', () => {
    expect(RoutingIdParamPipe.transform('Agent-7.b', { type: 'param', data: 'agentId' })).toBe(
      'Agent-7.b',
    );
    expect(SkillNameParamPipe.transform('billing', { type: 'param', data: 'name' })).toBe(
      'billing',
    );
  });

  it.each([
    [RoutingIdParamPipe, 'agentId', 'two words'],
    [RoutingIdParamPipe, 'queueId', 'x'.repeat(65)],
    [SkillNameParamPipe, 'name', 'Billing'],
    [SkillNameParamPipe, 'name', '-billing'],
  ])('answer 400 naming the parameter', (pipe, name, value) => {
    let caught: unknown;
    try {
      pipe.transform(value, { type: 'param', data: name });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BadRequestException);
    expect((caught as BadRequestException).getResponse()).toMatchObject({
      error: 'invalid_request',
      fields: [{ field: name, problem: expect.any(String) }],
    });
  });
});
