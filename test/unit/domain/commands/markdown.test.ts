import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommands } from '../../../../src/domain/commands/parse.js';
import { mayHoldCommand } from '../../../../src/engine/relevance.js';

const names = (body: string) => parseCommands(body).map((command) => command.name);

describe('commands are lines that render as plain text in a paragraph (CommonMark)', () => {
  it.each([
    [
      'a four-backtick fence holding a three-backtick block',
      '````\n```\n/report uptime=12 tasks=1/9\n```\n````',
    ],
    ['a five-tilde fence holding a three-tilde block', '~~~~~\n~~~\n/paid 0xabc\n~~~\n~~~~~'],
    ['a lazy continuation line of a quote', '> quoted text\n/approve'],
    ['a <pre> HTML block', '<pre>\n/approve\n\n/paid all 0xabc\n</pre>'],
    ['an HTML comment over several lines', '<!--\n/terminate @bob gone\n-->'],
    ['inline code over two lines', 'Type `this\n/approve now` to approve.'],
    ['a link text over two lines', '[see\n/approve now](https://example.org)'],
    ['a reference link over two lines', '[see\n/approve now][docs]\n\n[docs]: https://example.org'],
    ['a list item', '- /approve'],
    ['a heading', '# /approve'],
    ['a setext heading', '/approve\n========'],
    ['a quote inside a list', '- > /paid all 0xabc'],
  ])('not in %s', (_where, body) => {
    expect(parseCommands(body)).toEqual([]);
  });

  it('reads the same lines when they stand in a paragraph', () => {
    expect(names('````\n```\nx\n```\n````\n/report uptime=12 tasks=1/9')).toEqual(['report']);
    expect(names('> quoted text\n\n/approve')).toEqual(['approve']);
    expect(names('<pre>\n/approve\n</pre>\n\n/paid all 0xabc')).toEqual(['paid']);
    expect(names('Thanks!\n/approve\nand `code` here')).toEqual(['approve']);
  });

  it('treats U+2028 and U+2029 as line ends, like a newline', () => {
    expect(parseCommands('/approve\u2028thanks')).toEqual([
      { name: 'approve', args: [], raw: '/approve', rest: '\nthanks' },
    ]);
    expect(names('LGTM\u2029/paid @bob 0xabc')).toEqual(['paid']);
    expect(parseCommands('/terminate @bob no reports\u2028/approve').map((c) => [c.name, c.args])).toEqual([
      ['terminate', ['@bob', 'no', 'reports']],
      ['approve', []],
    ]);
  });

  it('the intake lets such a comment through (the worker parses it)', () => {
    expect(mayHoldCommand('LGTM\u2029/paid @bob 0xabc')).toBe(true);
    expect(mayHoldCommand('no command here, just /paths inside')).toBe(false);
  });
});

const commandName = fc.constantFrom('approve', 'paid', 'terminate', 'report', 'ack', 'adjust', 'hold');
const word = fc.stringMatching(/^[a-z0-9@.=%-]{1,8}$/);
const commandLine = fc
  .tuple(commandName, fc.array(word, { maxLength: 4 }))
  .map(([name, args]) => ({ name, line: [`/${name}`, ...args].join(' ') }));
const prose = fc
  .array(fc.stringMatching(/^[A-Za-z][a-z]{0,7}$/), { minLength: 1, maxLength: 6 })
  .map((words) => words.join(' '));
/** Whole blocks that hold no command and leave the block after them alone. */
const filler = fc.oneof(
  prose,
  prose.map((text) => `## ${text}`),
  prose.map((text) => `\`\`\`\n${text}\n\`\`\``),
  fc.constant('---'),
);
const hidden: fc.Arbitrary<(line: string) => string> = fc.oneof(
  fc.integer({ min: 3, max: 6 }).map((n) => (line: string) => {
    const outer = '`'.repeat(n + 1);
    return `${outer}\n${'`'.repeat(n)}\n${line}\n${'`'.repeat(n)}\n${outer}`;
  }),
  fc
    .constantFrom('~~~', '```', '~~~~ sh')
    .map((fence) => (line: string) => `${fence}\n${line}\n${fence.split(' ')[0]}`),
  fc.constant((line: string) => `    ${line}`),
  fc.constant((line: string) => `> ${line}`),
  prose.map((text) => (line: string) => `> ${text}\n${line}`),
  fc
    .constantFrom('pre', 'script', 'style', 'textarea')
    .map((tag) => (line: string) => `<${tag}>\n${line}\n</${tag}>`),
  fc.constant((line: string) => `<div>\n${line}\n</div>`),
  fc.constant((line: string) => `<!--\n${line}\n-->`),
  prose.map((text) => (line: string) => `${text} \`code\n${line}\` after`),
  prose.map((text) => (line: string) => `${text} <span title="\n${line}\n">x</span>`),
);
const document = (middle: string, before: string[], after: string[]) =>
  [...before, middle, ...after].join('\n\n');

describe('property: a command line hidden in markup is never a command; alone in a paragraph it is', () => {
  it('holds for generated documents', () => {
    fc.assert(
      fc.property(
        commandLine,
        hidden,
        fc.array(filler, { maxLength: 3 }),
        fc.array(filler, { maxLength: 3 }),
        ({ name, line }, hide, before, after) => {
          expect(parseCommands(document(hide(line), before, after))).toEqual([]);
          expect(names(document(line, before, after))).toEqual([name]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
