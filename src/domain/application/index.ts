export { parseHoursPerWeek, parseNodeCount, parseVcpu } from './counts.js';
export { parseEmail } from './emails.js';
export {
  EXPERIENCE_KEYS,
  EXPERIENCE_LABELS,
  type ExperienceKey,
  FIELD_KEYS,
  FIELD_LABELS,
  type FieldKey,
} from './fields.js';
export { parseApplication } from './parse.js';
export { type Problem, problemSchema } from './problems.js';
export type { RawApplication } from './raw.js';
export type { ApplicationContext, ApplicationRules } from './rules.js';
export { type Application, applicationSchema } from './schema.js';
export { parseSizeGb } from './sizes.js';
export { splitSpecs } from './specs.js';
export { parseUsername } from './usernames.js';
export { type ValidationResult, validateApplication } from './validate.js';
export { parseYesNo } from './yes-no.js';
