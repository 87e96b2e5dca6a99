import { parseUsername } from '../application/usernames.js';
import { answerText, type FormQuestion, readFormByPlace } from '../forms/read-form.js';

export type AlertForm = {
  operator?: string;
  node?: string;
  problem?: string;
  severity?: string;
  details?: string;
};

/** The questions of templates/issue-forms/operator-alert.yaml, in its order (older wordings too). */
export const ALERT_QUESTIONS = [
  { label: 'Operator', formerLabels: ['Responsible operator'] },
  { label: 'Node', formerLabels: ['Node(s)'] },
  { label: 'What is wrong', formerLabels: ['Problem'] },
  { label: 'Severity' },
  { label: 'Details', formerLabels: ['What happened'] },
] as const satisfies readonly FormQuestion[];

/**
 * The answers of the `operator-alert` issue form, read by their place in the form (see
 * readFormByPlace): a `### Severity` line typed inside Details stays in Details. Any missing or
 * empty answer (`_No response_`, the neutral `—`) is simply absent.
 */
export function parseAlertForm(body: string): AlertForm {
  const answers = readFormByPlace(body, ALERT_QUESTIONS);
  const pick = (label: (typeof ALERT_QUESTIONS)[number]['label']) =>
    answerText(answers.get(label)) || undefined;
  const form: AlertForm = {};
  const operator = pick('Operator');
  const login = operator ? parseUsername(operator) : undefined;
  if (login) form.operator = login;
  const node = pick('Node');
  if (node) form.node = node;
  const problem = pick('What is wrong');
  if (problem) form.problem = problem;
  const severity = pick('Severity');
  if (severity) form.severity = severity;
  const details = pick('Details');
  if (details) form.details = details;
  return form;
}
