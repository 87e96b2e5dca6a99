import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProgramConfig } from '../config/program.js';
import { TEMPLATES_DIR } from '../paths.js';

/** Where Gitea looks for issue forms (`.gitea/ISSUE_TEMPLATE/*.yaml`, see GITEA.md "Issue forms"). */
export const FORMS_DIR = '.gitea/ISSUE_TEMPLATE';

export type RepoFile = { path: string; content: string };

/**
 * The issue forms `init` commits: `templates/issue-forms/*.yaml`, each labelling new issues with
 * its workflow's trigger label. `config` is the program config the forms are generated for.
 */
export function issueForms(_config: ProgramConfig): RepoFile[] {
  const dir = join(TEMPLATES_DIR, 'issue-forms');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ path: `${FORMS_DIR}/${name}`, content: readFileSync(join(dir, name), 'utf8') }));
}
