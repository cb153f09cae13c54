import { BadRequestException } from '@nestjs/common';

/** One rejected input: the body path or parameter name, and what is wrong with it. */
export interface InvalidField {
  field: string;
  problem: string;
}

/** The 400 every service answers for bad input: `{ error, message, fields }`, naming each field. */
export function invalidRequest(fields: readonly InvalidField[]): BadRequestException {
  return new BadRequestException({
    error: 'invalid_request',
    message: fields.map((field) => `${field.field}: ${field.problem}`).join('; '),
    fields,
  });
}
