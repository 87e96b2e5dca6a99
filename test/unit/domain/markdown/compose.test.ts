import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, md, trusted } from '../../../../src/domain/markdown/compose.js';
import { hostileText, liveMentions, rawHtml } from '../text/hostile.js';

describe('escapeText and md: text inside bot Markdown stays text', () => {
  it.each([
    ['a link', '[x](https://evil.example)', '\\[x\\](https:\u200B//evil.example)'],
    ['HTML', '<b>x</b> & co', '&lt;b&gt;x&lt;/b&gt; &amp; co'],
    ['a mention', '@carol', '@\u200Bcarol'],
    ['code', '`x`', '\\`x\\`'],
    ['a table cell break', 'a | b', 'a \\| b'],
  ])('%s', (_why, text, shown) => {
    expect(escapeText(text)).toBe(shown);
  });

  it('md escapes what it is given and keeps what is trusted', () => {
    expect(md`by @${'bob'}: ${'<b>x</b>'} ${trusted('**ok**')}`.text).toBe(
      'by @bob: &lt;b&gt;x&lt;/b&gt; **ok**',
    );
  });

  it('property: escaped text has no raw HTML, no live mention and no marker', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const shown = escapeText(text);
        expect(rawHtml(shown)).toEqual([]);
        expect(liveMentions(shown)).toEqual([]);
        expect(shown).not.toContain('<!--');
        expect(shown).not.toMatch(/(?<!\\)\]\(|https?:\/\//);
      }),
      { numRuns: 400 },
    );
  });
});
