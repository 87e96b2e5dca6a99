import { MAX_FORM_TEXT } from '../forms/read-form.js';
import { readLately } from '../text/read-lately.js';
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
  const read = readBody(body, rules);
  const problems = [
    ...read.tooLong,
    ...duplicateApplicationProblems(context),
    ...reapplicationProblems(context, rules, read.answers.improvementPlan !== undefined),
    ...read.answerProblems,
  ];
  if (problems.length > 0) return { ok: false, problems };
  return read.checked();
}

type ReadBody = {
  answers: ReturnType<typeof readAnswers>['answers'];
  answerProblems: readonly Problem[];
  tooLong: readonly Problem[];
  /** The schema's verdict on the answers (when every rule holds), computed once. */
  checked: () => ValidationResult;
};

/** Bodies read lately, by rules and body: the worker and rebuild check one body at every event of its issue. */
const readBodies = readLately<ReadBody>(64);

/**
 * What the body says, apart from the context (clock, history): a pure function of body and rules,
 * kept. A body longer than is read is refused as too long: not kept, so what is kept stays under
 * 64 × MAX_FORM_TEXT.
 */
function readBody(body: string, rules: ApplicationRules): ReadBody {
  if (String(body).length > MAX_FORM_TEXT) return readAnew(body, rules);
  return readBodies(`${JSON.stringify(rules)}\n${body}`, () => readAnew(body, rules));
}

function readAnew(body: string, rules: ApplicationRules): ReadBody {
  const { answers, problems: answerProblems } = readAnswers(parseApplication(body), rules);
  let verdict: ValidationResult | undefined;
  return {
    answers,
    answerProblems,
    tooLong: tooLong(body),
    // Every rule already holds; the schema turns the answers into the Application type
    // and guards against a rule and the schema drifting apart.
    checked: () => {
      verdict ??= schemaVerdict(answers);
      return verdict;
    },
  };
}

function schemaVerdict(answers: ReadBody['answers']): ValidationResult {
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
