import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ALERT_QUESTIONS, parseAlertForm } from '../../../../src/domain/alerts/form.js';
import { issueFormSchema, renderGiteaForm } from '../application/support/render.js';

const alertForm = issueFormSchema.parse(
  parse(
    readFileSync(new URL('../../../../templates/issue-forms/operator-alert.yaml', import.meta.url), 'utf8'),
  ),
);
const render = (values: Record<string, string>) => renderGiteaForm(alertForm, values);

describe('the operator-alert form, read by place', () => {
  it('asks the questions the reader expects, in its order', () => {
    const labels = alertForm.body
      .filter((item) => item.type !== 'markdown')
      .map((item) => item.attributes.label);
    expect(labels).toEqual(ALERT_QUESTIONS.map((question) => question.label));
  });

  it('a "### Severity" line inside Details does not set the severity', () => {
    const body = render({
      operator: '@bob',
      node: 'fsn1-node-2',
      problem: 'Gateway down',
      severity: '',
      details: 'Paged at 03:00.\n\n### Severity\n\nCritical, paging now',
    });
    expect(parseAlertForm(body)).toEqual({
      operator: 'bob',
      node: 'fsn1-node-2',
      problem: 'Gateway down',
      details: 'Paged at 03:00.\n\n### Severity\n\nCritical, paging now',
    });
  });

  it('the neutral first option "—" of What is wrong is no answer', () => {
    const body = render({ node: 'n1', problem: '—' });
    expect(body).toContain('### What is wrong\n\n—\n');
    expect(parseAlertForm(body).problem).toBeUndefined();
  });
});

const line = fc
  .array(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9.,:%@-]{0,8}$/), { minLength: 1, maxLength: 5 })
  .map((words) => words.join(' '));
const typedHeading = fc
  .oneof(line, fc.constantFrom('Operator', 'Node', 'What is wrong', 'Severity', 'Problem'))
  .map((text) => `### ${text}`);
const details = fc
  .array(fc.oneof(line, typedHeading), { minLength: 1, maxLength: 6 })
  .map((lines) => lines.join('\n'))
  .filter((text) => !text.startsWith('### '));

describe('property: rendering alert answers as Gitea does and reading them gives them back', () => {
  it('holds for any answers, Details holding ### lines', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/),
        line,
        fc.constantFrom('Gateway down', 'Disk over 90% full', 'Something else'),
        fc.constantFrom('Critical', 'Warning', ''),
        details,
        (operator, node, problem, severity, text) => {
          const form = parseAlertForm(
            render({ operator: `@${operator}`, node, problem, severity, details: text }),
          );
          expect(form).toEqual({ operator, node, problem, ...(severity ? { severity } : {}), details: text });
        },
      ),
      { numRuns: 300 },
    );
  });
});
