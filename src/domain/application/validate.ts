import { MAX_FORM_TEXT } from '../forms/read-form.js';
import { duplicateApplicationProblems, reapplicationProblems } from './eligibility.js';
import { APPLICATION_LABEL, FIELD_KEYS, FIELD_LABELS, type FieldKey } from './fields.js';
import { parseApplication } from './parse.js';
import type { Problem } from './problems.js';
import { readAnswers } from './read-answers.js';
import type { ApplicationContext, ApplicationRules } from './rules.js';
import { type Application, applicationSchema } from './schema.js';

export type ValidationResult = { ok: true; application: Application } | { ok: false; problems: Problem[] };

/**
 * Checks an application issue body against the Phase 1 rules and returns either the
 * application or every problem found (never just the first), each named by the form's label.
 * Pure: the clock and the applicant's history come in through `context`.
 */
export function validateApplication(
  body: string,
  context: ApplicationContext,
  rules: ApplicationRules,
): ValidationResult {
  const { answers, problems: answerProblems } = readAnswers(parseApplication(body), rules);
  const problems = [
    ...tooLong(body),
    ...duplicateApplicationProblems(context),
    ...reapplicationProblems(context, rules, answers.improvementPlan !== undefined),
    ...answerProblems,
  ];
  if (problems.length > 0) return { ok: false, problems };

  // Every rule above already holds; the schema turns the answers into the Application type
  // and guards against a rule and the schema drifting apart.
  const parsed = applicationSchema.safeParse(answers);
  if (parsed.success) return { ok: true, application: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      field: labelForPath(issue.path),
      message: `${issue.message} — correct this answer.`,
    })),
  };
}

function labelForPath(path: readonly PropertyKey[]): string {
  const key = path[path.length - 1];
  return typeof key === 'string' && (FIELD_KEYS as readonly string[]).includes(key)
    ? FIELD_LABELS[key as FieldKey]
    : APPLICATION_LABEL;
}

/** Answers past the first MAX_FORM_TEXT characters are not read: say so, or they look missing. */
function tooLong(body: string): Problem[] {
  if (String(body).length <= MAX_FORM_TEXT) return [];
  const kb = Math.ceil(String(body).length / 1024);
  return [
    {
      field: APPLICATION_LABEL,
      message: `The issue body is ${kb} KB and only its first ${MAX_FORM_TEXT / 1024} KB are read — shorten the longer answers.`,
    },
  ];
}
