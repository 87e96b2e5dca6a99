import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_COMMANDS_PER_COMMENT, parseCommands } from '../../../../src/domain/commands/parse.js';

describe('parseCommands', () => {
  it('reads one command per line, with arguments', () => {
    expect(parseCommands('Looks good.\n/approve\r\n/reject  missing  specs \n')).toEqual([
      { name: 'approve', args: [], raw: '/approve', rest: '\n/reject  missing  specs \n' },
      {
        name: 'reject',
        args: ['missing', 'specs'],
        raw: '/reject  missing  specs',
        rest: 'missing  specs\n',
      },
    ]);
  });

  it.each([
    ['a fenced code block', '```\n/approve\n```'],
    ['a tilde fence', '~~~sh\n/approve\n~~~'],
    ['a quote', '> /approve'],
    ['indented code', '    /approve'],
    ['an HTML comment', '<!-- /approve -->'],
    ['prose', 'please /approve this'],
    ['a path', '/etc/passwd is world readable'],
  ])('does not run a command inside %s', (_what, body) => {
    expect(parseCommands(body).map((c) => c.name)).not.toContain('approve');
  });

  it('takes commands again after a fence closes', () => {
    expect(parseCommands('```\n/reject x\n```\n/approve').map((c) => c.name)).toEqual(['approve']);
  });

  it(`takes at most ${MAX_COMMANDS_PER_COMMENT} commands from one comment`, () => {
    expect(parseCommands('/status\n'.repeat(50))).toHaveLength(MAX_COMMANDS_PER_COMMENT);
  });

  it('never throws and only returns lower-case names', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (body) => {
        for (const command of parseCommands(body)) expect(command.name).toMatch(/^[a-z][a-z-]*$/);
      }),
    );
  });
});
