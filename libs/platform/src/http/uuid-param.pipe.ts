import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { invalidRequest } from './invalid-request';

const uuid = z.uuid();

/**
 * `@Param('conversationId', UuidParamPipe)`: a malformed id is a 400 naming the parameter,
 * before any query (PostgreSQL would reject it as a uuid with a 500).
 */
@Injectable()
export class UuidParamPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && uuid.safeParse(value).success) return value.toLowerCase();
    throw invalidRequest([{ field: metadata.data ?? '(parameter)', problem: 'must be a UUID' }]);
  }
}
