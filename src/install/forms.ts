import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProgramConfig } from '../config/program.js';
import { proseDuration } from '../domain/time/duration.js';
import { TEMPLATES_DIR } from '../paths.js';

/** Where Gitea looks for issue forms (`.gitea/ISSUE_TEMPLATE/*.yaml`, see GITEA.md "Issue forms"). */
export const FORMS_DIR = '.gitea/ISSUE_TEMPLATE';

export type RepoFile = { path: string; content: string };

/**
 * What the program config changes in each form's text: the program's name and the numbers the
 * forms tell people (PROGRAM.md). Field labels the application parser reads stay as they are.
 * Every `from` must be in its template, so a template edit that drops one fails the tests.
 */
function substitutions(config: ProgramConfig): Record<string, [string, string][]> {
  const name = config.program.name;
  const days = (ms: number) => String(Math.round(ms / 86_400_000));
  return {
    'operator-application.yaml': [
      ['as an operator of the program', `as a ${name} operator`],
      ['label: Prior work with Timmy Foundation', `label: Prior work with ${name}`],
    ],
    'operator-alert.yaml': [
      ['within 30 minutes', `within ${proseDuration(config.alerts.ackWithin.critical)}`],
      ['within 4 hours', `within ${proseDuration(config.alerts.ackWithin.warning)}`],
    ],
    'exit-notice.yaml': [
      [
        'Leave the Fleet Operator Program — 30-day notice',
        `Leave the ${name} — ${days(config.exit.noticePeriod)}-day notice`,
      ],
      ['The notice period is 30 days', `The notice period is ${proseDuration(config.exit.noticePeriod)}`],
      ['due within 7 days after it', `due within ${proseDuration(config.exit.paymentWithin)} after it`],
      ['else the Foundation.', 'else the maintainers.'],
    ],
  };
}

/**
 * The issue forms `init` commits, generated from `templates/issue-forms/*.yaml` for this
 * program's config; each labels new issues with its workflow's trigger label.
 * Throws when a template no longer has a text the generator replaces.
 */
export function issueForms(config: ProgramConfig): RepoFile[] {
  const dir = join(TEMPLATES_DIR, 'issue-forms');
  const table = substitutions(config);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      let content = readFileSync(join(dir, name), 'utf8');
      for (const [from, to] of table[name] ?? []) {
        if (!content.includes(from))
          throw new Error(`templates/issue-forms/${name} no longer contains "${from}"`);
        content = content.replaceAll(from, to);
      }
      return { path: `${FORMS_DIR}/${name}`, content };
    });
}
