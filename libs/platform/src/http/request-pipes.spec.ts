import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { UuidParamPipe } from './uuid-param.pipe';
import { ZodBodyPipe } from './zod-body.pipe';

function rejection(work: () => unknown): { status: number; body: unknown } {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    const bad = error as BadRequestException;
    return { status: bad.getStatus(), body: bad.getResponse() };
  }
  throw new Error('expected a 400');
}

describe('UuidParamPipe', () => {
  const pipe = new UuidParamPipe();
  const param = { type: 'param' as const, data: 'conversationId' };

  it('passes a uuid, lower-cased', () => {
    expect(pipe.transform('9B1F1C2E-3D4A-4B5C-8D6E-7F8091A2B3C4', param)).toBe(
      '9b1f1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4',
    );
  });

  it.each(['not-a-uuid', '42', "9b1f1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4' OR 1=1"])(
    'answers 400 naming the parameter for %j',
    (value) => {
      expect(rejection(() => pipe.transform(value, param))).toEqual({
        status: 400,
        body: {
          error: 'invalid_request',
          message: 'conversationId: must be a UUID',
          fields: [{ field: 'conversationId', problem: 'must be a UUID' }],
        },
      });
    },
  );
});

describe('ZodBodyPipe', () => {
  const pipe = new ZodBodyPipe(
    z.object({ name: z.string().min(1), nested: z.object({ n: z.number() }) }),
  );

  it('returns the parsed body', () => {
    expect(pipe.transform({ name: 'a', nested: { n: 1 }, extra: true })).toEqual({
      name: 'a',
      nested: { n: 1 },
    });
  });

  it('answers 400 naming each bad field by its path', () => {
    const { body } = rejection(() => pipe.transform({ name: '', nested: { n: 'one' } }));
    expect(body).toMatchObject({
      error: 'invalid_request',
      fields: [
        { field: 'name', problem: expect.any(String) },
        { field: 'nested.n', problem: expect.any(String) },
      ],
    });
  });

  it('names the body itself when it is missing', () => {
    const { body } = rejection(() => pipe.transform(undefined));
    expect(body).toMatchObject({ fields: [{ field: '(body)' }] });
  });
});
