import { z } from 'zod';

/** The body of every API error: a code, a message, and for a 400 the fields at fault. */
export const errorResponseSchema = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.array(z.object({ field: z.string(), problem: z.string() })).optional(),
});

/** A status and an error body, as an exception filter answers them. */
export interface HttpError {
  readonly status: number;
  readonly body: {
    readonly error: string;
    readonly message: string;
    readonly fields?: readonly { readonly field: string; readonly problem: string }[];
  };
}
