import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { invalidRequest } from '@switchboard/platform';
import { z } from 'zod';
import { holidayDateSchema } from '../api/shared/sla-config.schemas';

/** A path parameter checked by a schema: a bad one is a 400 naming it, before any query. */
export class ZodParamPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: z.ZodType<T, string>) {}

  transform(value: unknown, metadata: ArgumentMetadata): T {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw invalidRequest([
      { field: metadata.data ?? '(parameter)', problem: result.error.issues[0]!.message },
    ]);
  }
}

/** `:date` of a holiday: a local date `YYYY-MM-DD` that exists. */
export const holidayDateParam = holidayDateSchema;
export const HolidayDateParamPipe = new ZodParamPipe<string>(holidayDateParam);

/** `:version` of a policy: 1, 2, … */
export const policyVersionParam = z
  .string()
  .regex(/^[1-9]\d{0,8}$/, 'a version number: 1, 2, …')
  .transform(Number);
export const PolicyVersionParamPipe = new ZodParamPipe<number>(policyVersionParam);
