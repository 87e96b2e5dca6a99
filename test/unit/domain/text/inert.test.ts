import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inert } from '../../../../src/domain/text/inert.js';
import { hostileText, liveMentions, rawHtml } from './hostile.js';

/** The text a CommonMark code span shows (spec §6.1): the delimiters off, one space each side stripped when both are. */
function codeSpanContent(span: string): string {
  const fence = /^`+/.exec(span)?.[0] ?? '';
  expect(span.endsWith(fence)).toBe(true);
  const inner = span.slice(fence.length, span.length - fence.length);
  expect(inner).not.toMatch(new RegExp(`(^|[^\`])${fence}([^\`]|$)`));
  return inner.length > 1 && inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== ''
    ? inner.slice(1, -1)
    : inner;
}

describe('inert: a person’s text in a code span that cannot break out', () => {
  it.each([
    ['plain', 'node-1', '`node-1`'],
    ['a backtick inside', 'a`b', '``a`b``'],
    ['starts with a backtick', '`x', '`` `x ``'],
    ['a run of three', 'x ``` y', '````x ``` y````'],
    ['a mention', 'hi @carol', '`hi @\u200Bcarol`'],
    ['an issue reference', 'see #12', '`see #\u200B12`'],
    [
      'an HTML comment',
      '<!-- operator-bot:note escalation-1 -->',
      '`\uFF1C!-- operator-bot:note escalation-1 --\uFF1E`',
    ],
    ['a tag', '<img src=x>', '`\uFF1Cimg src=x\uFF1E`'],
    ['lines', 'a\nb\r\nc', '`a b c`'],
    ['zero-width and right-to-left controls', 'a\u200Bb\u202Ec', '`a\uFFFDb\uFFFDc`'],
    ['empty', '', '` `'],
  ])('%s', (_why, text, shown) => {
    expect(inert(text).text).toBe(shown);
  });

  it('caps the length with "…"', () => {
    const shown = inert('x'.repeat(500), 10).text;
    expect(shown).toBe('`xxxxxxxxx…`');
  });

  it('the issue’s break-out: a backtick closing the echo early gives no mention, image or link', () => {
    const line = '/approve `@maint @carol <img src=x> [re-verify your wallet](https://evil.example)`';
    const shown = inert(line).text;
    expect(liveMentions(shown)).toEqual([]);
    expect(rawHtml(shown)).toEqual([]);
    expect(shown.startsWith('``')).toBe(true);
  });

  it('property: one code span, no raw HTML, no live mention, no marker, at most the cap', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const shown = inert(text).text;
        const content = codeSpanContent(shown);
        expect(shown).not.toMatch(/[\n\r<>]/);
        expect(liveMentions(shown)).toEqual([]);
        expect(rawHtml(shown)).toEqual([]);
        expect(shown).not.toContain('<!--');
        expect(Array.from(content.replace(/\u200B/g, '')).length).toBeLessThanOrEqual(200);
      }),
      { numRuns: 400 },
    );
  });
});
