import { parseUsername } from '../application/usernames.js';
import { formSections } from '../forms/sections.js';

export type AlertForm = {
  operator?: string;
  node?: string;
  problem?: string;
  severity?: string;
  details?: string;
};

/** The answers of the `operator-alert` issue form (any missing answer is simply absent). */
export function parseAlertForm(body: string): AlertForm {
  const sections = formSections(body);
  const pick = (...labels: string[]) =>
    labels.map((l) => sections.get(l)).find((v) => v !== undefined && v !== '');
  const operator = pick('operator', 'responsible operator');
  const form: AlertForm = {};
  const login = operator ? parseUsername(operator) : undefined;
  if (login) form.operator = login;
  const node = pick('node', 'node(s)');
  if (node) form.node = node;
  const problem = pick('what is wrong', 'problem');
  if (problem) form.problem = problem;
  const severity = pick('severity');
  if (severity) form.severity = severity;
  const details = pick('details', 'what happened');
  if (details) form.details = details;
  return form;
}
