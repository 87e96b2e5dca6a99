import { z } from 'zod';
import { experienceKeySchema, fieldKeySchema } from './fields.js';

/**
 * An application as written, before any value is interpreted: each answer's text (absent when
 * not given) and each experience checkbox found.
 */
const rawApplicationSchema = z.object({
  values: z.partialRecord(fieldKeySchema, z.string()),
  experience: z.partialRecord(experienceKeySchema, z.boolean()),
});

export type RawApplication = z.infer<typeof rawApplicationSchema>;
