import { z } from 'zod';

/** One thing wrong with an application, told to the applicant. */
export const problemSchema = z.object({
  /** The label the applicant sees in the form. */
  field: z.string(),
  /** What is wrong and how to fix it, in one sentence. */
  message: z.string(),
});

export type Problem = z.infer<typeof problemSchema>;
