import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { invalidRequest } from './invalid-request';

/** Validates a body against a schema; a 400 names each offending field. */
export class ZodBodyPipe<TSchema extends z.ZodType> implements PipeTransform<
  unknown,
  z.infer<TSchema>
> {
  constructor(private readonly schema: TSchema) {}

  transform(value: unknown): z.infer<TSchema> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw invalidRequest(
      result.error.issues.map((issue) => ({
        field: issue.path.join('.') || '(body)',
        problem: issue.message,
      })),
    );
  }
}
