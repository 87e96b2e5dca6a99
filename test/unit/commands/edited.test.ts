import { describe, expect, it } from 'vitest';
import { commandCatalog } from '../../../src/commands/catalog.js';
import { editedLines } from '../../../src/commands/edited.js';
import { defaultProgramConfig } from '../../../src/config/program.js';
import { parseCommands } from '../../../src/domain/commands/parse.js';
import { loadWorkflows } from '../../../src/workflows/all.js';
import { templates } from '../../support/workflows.js';

const catalog = commandCatalog(loadWorkflows(templates, defaultProgramConfig()).map((w) => w.definition));
const EDITED = '2026-11-30T10:00:07.000Z';

describe('the answers to a comment edited before the bot read it, by someone Gitea does not name', () => {
  it.each([
    ['/ping @bob now', ['/ping @bob now']],
    ['/terminate @op gone\n/approve', ['/terminate @op gone', '/approve']],
    ['/shrug', []],
    ['thanks', []],
  ])('%j: every command line answered, none run', (body, answered) => {
    const answers = editedLines(parseCommands(body), catalog, EDITED);
    expect(answers.map((answer) => answer.line?.raw)).toEqual(answered);
    for (const answer of answers)
      expect(answer.text).toBe(
        'not run: this comment was edited (2026-11-30 10:00:07 UTC) before the bot read it, and Gitea does not say who edited it. Write the command again in a new comment.',
      );
  });
});
