import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Answer, replyToComment } from '../../../src/commands/answer.js';
import { commandCatalog, describePlace } from '../../../src/commands/catalog.js';
import { answerElsewhere } from '../../../src/commands/elsewhere.js';
import { defaultProgramConfig } from '../../../src/config/program.js';
import { parseCommands } from '../../../src/domain/commands/parse.js';
import { loadWorkflows } from '../../../src/workflows/all.js';
import { templates } from '../../support/workflows.js';

const catalog = commandCatalog(loadWorkflows(templates, defaultProgramConfig()).map((w) => w.definition));
const line = (text: string) => {
  const [parsed] = parseCommands(text);
  if (!parsed) throw new Error(`not a command: ${text}`);
  return parsed;
};

describe('the command catalog: every command, who may use it, where', () => {
  it('holds the commands of any issue, /status and every workflow command, each with a help line', () => {
    const names = new Set(catalog.map((spec) => spec.name));
    for (const name of [
      'report',
      'ping',
      'rotated',
      'partner-report',
      'terminate',
      'nodes',
      'wallet',
      'help',
    ])
      expect(names).toContain(name);
    for (const name of [
      'approve',
      'reject',
      'module',
      'ack',
      'resolve',
      'severity',
      'done',
      'paid',
      'adjust',
    ])
      expect(names).toContain(name);
    for (const spec of catalog) expect(spec.help.startsWith('/'), spec.name).toBe(true);
  });

  it('says where a workflow command works, with its states', () => {
    const ack = catalog.find((spec) => spec.name === 'ack');
    expect(ack && describePlace(ack.where)).toBe('alert issues (open, escalated)');
    expect(ack?.roles).toEqual(['responsible', 'maintainer']);
  });
});

describe('a command nobody here answers is never met with silence', () => {
  it.each([
    ['/approve', 'works in onboarding issues (screening); payroll issues (review), not here'],
    ['/ack', 'works in alert issues (open, escalated), not here'],
    ['/status', 'works in workflow issues, not here'],
    ['/aprove', 'unknown command; did you mean `/approve`?'],
    ['/reprot uptime=99', 'unknown command; did you mean `/report`?'],
    ['/partner-reprot', 'did you mean `/partner-report`?'],
    // Fixing the typo in place does nothing: Gitea's edit is not a new command.
    ['/aprove', 'did you mean `/approve`? Write it in a new comment (the bot does not look at edits).'],
  ])('%s → %s', (text, expected) => {
    expect(answerElsewhere(line(text), catalog)).toContain(expected);
  });

  it.each(['/shrug', '/me waves', '/x', '/etc', '/tmp files', '/ok'])('%s is text: no answer', (text) => {
    expect(answerElsewhere(line(text), catalog)).toBeUndefined();
  });
});

describe('one reply per comment', () => {
  const lines = parseCommands('/approve\n/report uptime=99\n/help');
  const [approve, report, help] = lines;

  it('answers in the order the lines were written, each echoed inert unless bare', () => {
    const answers: Answer[] = [
      { line: help, text: 'HELP', bare: true },
      { line: approve, text: 'screening → training.' },
      { line: report, text: 'only a registered operator may use this.' },
    ];
    const [reply] = replyToComment(9, lines, answers);
    expect(reply).toEqual({
      type: 'reply',
      toCommentId: 9,
      body: '`/approve`: screening → training.\n\n`/report uptime=99`: only a registered operator may use this.\n\nHELP',
    });
  });

  it('property: every answer appears once, lines in order, steps without a line after them', () => {
    const answer = fc.record({
      at: fc.integer({ min: -1, max: lines.length - 1 }),
      text: fc.stringMatching(/^[a-z]{1,8}$/),
    });
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 8 }), (drawn) => {
        const answers: Answer[] = drawn.map(({ at, text }) => ({
          ...(at >= 0 ? { line: lines[at] } : {}),
          text: `${at}:${text}`,
          bare: true,
        }));
        const [reply] = replyToComment(1, lines, answers);
        const parts = reply?.type === 'reply' ? reply.body.split('\n\n') : [];
        expect([...parts].sort()).toEqual(answers.map((a) => a.text).sort());
        const positions = parts.map((part) => {
          const at = Number(part.split(':')[0]);
          return at < 0 ? lines.length : at;
        });
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      }),
    );
  });

  it('says nothing when nothing is to be said', () => {
    expect(replyToComment(1, lines, [])).toEqual([]);
  });
});
