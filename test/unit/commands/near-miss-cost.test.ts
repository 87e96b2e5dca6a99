import { describe, expect, it } from 'vitest';
import { commandCatalog } from '../../../src/commands/catalog.js';
import { answerElsewhere } from '../../../src/commands/elsewhere.js';
import { defaultProgramConfig } from '../../../src/config/program.js';
import { parseCommands } from '../../../src/domain/commands/parse.js';
import { loadWorkflows } from '../../../src/workflows/all.js';
import { templates } from '../../support/workflows.js';

const catalog = commandCatalog(loadWorkflows(templates, defaultProgramConfig()).map((w) => w.definition));

/**
 * An outsider's comment whose command names fill the 64 KiB the bot reads costs the worker no
 * more than a short one to answer: a name is compared, letter by letter, only with the names its
 * length could be a near miss of (the edit distance is at least the difference in length).
 * Before, each 64 KiB name was compared with every name of the catalog (~0.7 s per comment).
 */
describe('the near-miss answer of an outsized command name', () => {
  it('is no answer, for a whole comment of them (fails only by its timeout)', { timeout: 2_000 }, () => {
    // Ten lines of 6.5 kB: the 64 KiB a comment is read for; 20 such comments took seconds before.
    const body = Array.from({ length: 10 }, () => `/${'a'.repeat(6_500)}`).join('\n');
    for (let comment = 0; comment < 20; comment++) {
      for (const line of parseCommands(body)) expect(answerElsewhere(line, catalog)).toBeUndefined();
    }
  });

  it.each([
    ['/aprove', 'did you mean `/approve`?'],
    ['/akc', 'did you mean `/ack`?'],
    ['/partner-reprot', 'did you mean `/partner-report`?'],
    ['/rotate', 'did you mean `/rotated`?'],
  ])('still answers the near miss %s', (text, expected) => {
    const [line] = parseCommands(text);
    if (!line) throw new Error('not a command');
    expect(answerElsewhere(line, catalog)).toContain(expected);
  });
});
