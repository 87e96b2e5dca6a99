import { describe, expect, it } from 'vitest';
import { commandCatalog } from '../../../src/commands/catalog.js';
import { answerElsewhere } from '../../../src/commands/elsewhere.js';
import { defaultProgramConfig } from '../../../src/config/program.js';
import { MAX_COMMAND_TEXT, parseCommands } from '../../../src/domain/commands/parse.js';
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
  it('is no answer, found in a few milliseconds', () => {
    const [line] = parseCommands(`/${'a'.repeat(MAX_COMMAND_TEXT - 1)}`);
    if (!line) throw new Error('not a command');
    let fastest = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      expect(answerElsewhere(line, catalog)).toBeUndefined();
      fastest = Math.min(fastest, performance.now() - started);
    }
    expect(fastest).toBeLessThan(50);
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
