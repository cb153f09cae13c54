import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { invalidRequest } from '@switchboard/platform';
import type { z } from 'zod';
import { routingIdSchema, skillNameSchema } from '../use-cases/shared/routing-config.schemas';

/** A path parameter checked by a schema: a bad one is a 400 naming it, before any query. */
export class ZodParamPipe implements PipeTransform<unknown, string> {
  constructor(private readonly schema: z.ZodType<string>) {}

  transform(value: unknown, metadata: ArgumentMetadata): string {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw invalidRequest([
      { field: metadata.data ?? '(parameter)', problem: result.error.issues[0]!.message },
    ]);
  }
}

/** `:agentId`, `:queueId`: ids the tenant chose. */
export const RoutingIdParamPipe = new ZodParamPipe(routingIdSchema);
/** `:name` of a skill: a lowercase slug. */
export const SkillNameParamPipe = new ZodParamPipe(skillNameSchema);
