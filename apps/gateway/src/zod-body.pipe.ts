import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/** Validates a body against a schema; a 400 names each offending field. */
export class ZodBodyPipe<TSchema extends z.ZodType> implements PipeTransform<
  unknown,
  z.infer<TSchema>
> {
  constructor(private readonly schema: TSchema) {}

  transform(value: unknown): z.infer<TSchema> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    const fields = result.error.issues.map((issue) => ({
      field: issue.path.join('.') || '(body)',
      problem: issue.message,
    }));
    throw new BadRequestException({
      error: 'invalid_request',
      message: fields.map((field) => `${field.field}: ${field.problem}`).join('; '),
      fields,
    });
  }
}
